using GeoServer.Core.Crs;
using GeoServer.Core.Spatial;
using GeoServer.Core.Sources;

namespace GeoServer.Core.Layers;

/// <summary>
/// The description every service publishes for a layer: identity, metadata, extent, CRS and schema.
/// Built once when the layer is published; immutable.
/// </summary>
public sealed record LayerInfo
{
    /// <summary>Globally unique id, "workspace:name"; also the OGC API collection id and the WMS layer name.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Workspace Workspace { get; init; }
    public required string Title { get; init; }
    public string? Abstract { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Source and licence credit to show wherever the data is shown.</summary>
    public string? Attribution { get; init; }
    public AccessLevel Access { get; init; } = AccessLevel.Open;

    /// <summary>Workspaces whose members may also see the layer when it is restricted (its own always may).</summary>
    public IReadOnlyList<string> AllowedWorkspaces { get; init; } = [];

    /// <summary>
    /// Callers who may also see the layer when it is restricted, by the name they authenticate as: "key:{name}" for an
    /// API key, the login name for a user.
    /// </summary>
    public IReadOnlySet<string> AllowedCallers { get; init; } = new HashSet<string>();

    /// <summary>The store (by name, within the workspace) that publishes the layer; null when not known (a test's layer).</summary>
    public string? Store { get; init; }

    /// <summary>The attributes clients may filter by; null for every attribute of a primitive type.</summary>
    public IReadOnlyList<string>? Queryables { get; init; }

    /// <summary>CRS the data is stored in; null for a table without geometry.</summary>
    public CrsDefinition? StorageCrs { get; init; }

    /// <summary>Extent in CRS84 (longitude, latitude); null when unknown or without geometry.</summary>
    public BBox? WgsExtent { get; init; }

    /// <summary>Extent in the storage CRS; null when unknown or without geometry.</summary>
    public BBox? StorageExtent { get; init; }
    public required FeatureSchema Schema { get; init; }
    public TemporalProperty? Temporal { get; init; }

    /// <summary>Grid, bands and value ranges of a raster layer; null for a layer of features.</summary>
    public RasterInfo? Raster { get; init; }
    public (string? Start, string? End)? TemporalExtent { get; init; }
}
