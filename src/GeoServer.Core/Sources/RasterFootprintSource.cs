using GeoServer.Core.Filtering;
using NetTopologySuite.Geometries;

namespace GeoServer.Core.Sources;

/// <summary>
/// The feature side of a raster layer: one feature, the raster's outline in its CRS, with a (null) number per band,
/// so OGC API – Features, the catalog and every place that lists a layer's features treat a raster like any layer.
/// </summary>
public sealed class RasterFootprintSource : IFeatureSource
{
    private static readonly GeometryFactory Factory = new();
    private readonly Feature _footprint;

    public RasterFootprintSource(RasterInfo raster)
    {
        // One number per band, so a pixel's values (GetFeatureInfo) are a feature of this same schema.
        var schema = new FeatureSchema("fid",
            raster.Bands.Select(b => new PropertyInfo(BandProperty(b.Index), PropertyType.Number)).ToList(), "POLYGON");
        Info = new FeatureSourceInfo
        {
            Name = raster.Name,
            Title = raster.Title,
            Description = raster.Description,
            Schema = schema,
            Srid = raster.Srid,
            Extent = raster.Extent,
        };
        var e = raster.Extent;
        var outline = Factory.CreatePolygon([
            new(e.MinX, e.MinY), new(e.MaxX, e.MinY), new(e.MaxX, e.MaxY), new(e.MinX, e.MaxY), new(e.MinX, e.MinY)]);
        outline.SRID = raster.Srid;
        // The outline has no single value per band: they vary across it.
        _footprint = new Feature(1, outline, new object?[raster.Bands.Count]);
    }

    /// <summary>The property holding band <paramref name="index"/>'s value (1-based): "band_1", "band_2", …</summary>
    public static string BandProperty(int index) => "band_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public FeatureSourceInfo Info { get; }

    public async IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        if (Matches(query) && query.Offset == 0 && query.Limit > 0 && query.AfterKey is not >= 1) yield return _footprint;
    }

    public Task<long> CountAsync(FeatureQuery query, CancellationToken ct) => Task.FromResult(Matches(query) ? 1L : 0L);

    public Task<Feature?> GetAsync(long id, CancellationToken ct) => Task.FromResult(id == 1 ? _footprint : null);

    public Task<(string? Start, string? End)> TemporalExtentAsync(TemporalProperty property, CancellationToken ct) =>
        Task.FromResult<(string?, string?)>((null, null));

    private bool Matches(FeatureQuery query) =>
        (query.BBox is not { } box || Info.Extent!.Value.Intersects(box))
        && query.PropertyFilters.All(p => Equals(_footprint.Values[Info.Schema.IndexOf(p.Property.Name)], p.Value))
        && (query.Filter is not { } filter || CqlEvaluator.Compile(filter, Info.Schema)(_footprint));
}
