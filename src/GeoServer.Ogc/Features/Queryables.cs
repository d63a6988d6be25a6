using GeoServer.Core.Filtering;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;

namespace GeoServer.Ogc.Features;

/// <summary>
/// The properties a client may filter a collection by: every attribute of a primitive type, or those the layer's
/// configuration lists.
/// </summary>
public static class Queryables
{
    public static IEnumerable<PropertyInfo> Of(LayerInfo layer) =>
        layer.Schema.Properties.Where(p => p.Type != PropertyType.Binary && (layer.Queryables is null || layer.Queryables.Contains(p.Name)));

    /// <summary>Whether <paramref name="name"/> is a queryable of the layer.</summary>
    public static bool Contains(LayerInfo layer, string name) =>
        layer.Schema.Find(name) is { Type: not PropertyType.Binary } && (layer.Queryables is null || layer.Queryables.Contains(name));

    /// <summary>The first attribute <paramref name="filter"/> names that is not a queryable of the layer, or null.</summary>
    public static string? FirstOutside(CqlExpression filter, LayerInfo layer)
    {
        if (layer.Queryables is null) return null;
        string? outside = null;
        filter.Rewrite(e =>
        {
            if (outside is null && e is PropertyRef { IsGeometry: false } p && !layer.Queryables.Contains(p.Name)) outside = p.Name;
            return e;
        });
        return outside;
    }

    /// <summary>JSON Schema type and format of a property type.</summary>
    public static (string Type, string? Format) JsonType(PropertyType type) => type switch
    {
        PropertyType.Integer => ("integer", null),
        PropertyType.Number => ("number", null),
        PropertyType.Boolean => ("boolean", null),
        PropertyType.Date => ("string", "date"),
        PropertyType.DateTime => ("string", "date-time"),
        PropertyType.Binary => ("string", "binary"),
        _ => ("string", null),
    };
}
