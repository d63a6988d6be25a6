using GeoServer.Core.Spatial;

namespace GeoServer.Core.Sources;

/// <summary>What a store tells about one of its tables when it is opened.</summary>
public sealed record FeatureSourceInfo
{
    /// <summary>Table name in the store; becomes the layer name.</summary>
    public required string Name { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public required FeatureSchema Schema { get; init; }

    /// <summary>EPSG code of the stored geometries; null for a table without geometry.</summary>
    public int? Srid { get; init; }

    /// <summary>Extent of the stored geometries in the storage CRS; null when unknown or without geometry.</summary>
    public BBox? Extent { get; init; }

    /// <summary>The attribute(s) the store suggests for datetime filters (its first date column); null when none.</summary>
    public TemporalProperty? Temporal { get; init; }
}
