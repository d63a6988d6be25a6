using GeoServer.Core.Layers;

namespace GeoServer.Host.Import;

/// <summary>
/// One import, from the command line or an upload: the file (a path GDAL may open: the operator's own file, or the
/// upload saved under a fresh temporary folder), the name it is known by, and the importer's choices.
/// </summary>
public sealed record ImportRequest(string File, string FileName, string Workspace)
{
    /// <summary>The layer's name (sanitised); null: from the file's name.</summary>
    public string? Layer { get; init; }

    /// <summary>"gpkg" (default) or "postgis" for vector data; rasters always become a COG.</summary>
    public string? Into { get; init; }

    /// <summary>The data's CRS when the file does not say it (any spelling the server knows: "EPSG:3405", a URI).</summary>
    public string? Crs { get; init; }

    /// <summary>Which layer of a dataset holding several to import.</summary>
    public string? SourceLayer { get; init; }

    /// <summary>postgis: which of the workspace's PostGIS stores, when it has several.</summary>
    public string? Store { get; init; }

    /// <summary>Replace an imported layer of the same name (otherwise a conflict).</summary>
    public bool Replace { get; init; }

    public AccessLevel Access { get; init; } = AccessLevel.Open;
}
