using GeoServer.Core.Crs;
using GeoServer.Core.Filtering;
using GeoServer.Core.Layers;
using GeoServer.Ogc.Common;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Ogc.Features;

/// <summary>
/// "filter", "filter-lang" and "filter-crs" (OGC API Features Part 3): a CQL2 Text or JSON filter parsed against
/// the layer's queryables, its geometry literals moved from the filter CRS to the storage CRS.
/// </summary>
public static class FilterParameter
{
    public const string Name = "filter";
    public const string LangName = "filter-lang";
    public const string CrsName = "filter-crs";
    public const string Text = "cql2-text";
    public const string Json = "cql2-json";

    public static CqlExpression? Parse(IQueryCollection query, LayerInfo layer, CrsRegistry crs)
    {
        if (!query.TryGetValue(Name, out var text))
        {
            foreach (var dependent in new[] { LangName, CrsName })
                if (query.ContainsKey(dependent)) throw OgcException.BadParameter(dependent, $"given without '{Name}'.");
            return null;
        }
        string lang = query[LangName].ToString() is { Length: > 0 } l ? l : Text;
        CqlExpression filter;
        try
        {
            filter = lang switch
            {
                Text => CqlTextParser.Parse(text.ToString(), layer.Schema),
                Json => CqlJsonParser.Parse(text.ToString(), layer.Schema),
                _ => throw OgcException.BadParameter(LangName, $"'{lang}' is not supported; use '{Text}' or '{Json}'."),
            };
        }
        catch (CqlException e)
        {
            throw OgcException.BadParameter(Name, e.Message);
        }
        if (Queryables.FirstOutside(filter, layer) is { } outside)
            throw OgcException.BadParameter(Name, $"'{outside}' is not a queryable of '{layer.Id}'; see its queryables.");

        bool usesGeometry = false;
        filter.Rewrite(e => { usesGeometry |= e is PropertyRef { IsGeometry: true } or GeometryLiteral; return e; });
        if (!usesGeometry)
        {
            if (query.ContainsKey(CrsName)) ItemsQueryParser.ParseCrs(query, CrsName, layer, crs);
            return filter;
        }
        if (layer.StorageCrs is null)
            throw OgcException.BadParameter(Name, $"'{layer.Id}' has no geometry for spatial functions.");
        var filterCrs = ItemsQueryParser.ParseCrs(query, CrsName, layer, crs) ?? crs.Crs84;
        var transform = crs.GetTransform(filterCrs, layer.StorageCrs);
        return filter.Rewrite(e => e is GeometryLiteral g ? new GeometryLiteral(ToStorage(g.Geometry, filterCrs, transform)) : e);
    }

    // Literals are written in the filter CRS's own axis order (latitude first for EPSG:4326).
    private static NetTopologySuite.Geometries.Geometry ToStorage(NetTopologySuite.Geometries.Geometry g, CrsDefinition from, CrsTransform transform)
    {
        var copy = g.Copy();
        if (from.NorthingFirst)
        {
            copy.Apply(new SwapXY());
            copy.GeometryChanged();
        }
        return transform.Transform(copy);
    }

    private sealed class SwapXY : NetTopologySuite.Geometries.IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(NetTopologySuite.Geometries.CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                double x = seq.GetX(i);
                seq.SetX(i, seq.GetY(i));
                seq.SetY(i, x);
            }
        }
    }
}
