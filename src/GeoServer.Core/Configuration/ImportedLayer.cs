using GeoServer.Core.Layers;

namespace GeoServer.Core.Configuration;

/// <summary>
/// A layer made by an import, as the configuration database keeps it. The data live in a GeoPackage or COG the
/// server owns (<see cref="Path"/>), or in a table of one of the workspace's PostGIS stores (<see cref="Store"/> and
/// <see cref="Table"/>: the store's connection is looked up when the layer is opened, so no secret is copied here).
/// Kept apart from workspace definitions so that workspaces of the configuration file can have imports too.
/// </summary>
public sealed class ImportedLayer
{
    public string Workspace { get; init; } = "";

    /// <summary>The layer's name in its workspace ("roads", or "schema.roads" for a PostGIS table outside public).</summary>
    public string Name { get; init; } = "";

    /// <summary>The store type holding it: "geopackage", "gdal" (a COG) or "postgis".</summary>
    public string Type { get; init; } = "";

    /// <summary>geopackage and gdal: the file, relative to the configuration's folder.</summary>
    public string? Path { get; init; }

    /// <summary>postgis: the name of the workspace's store the table was written to.</summary>
    public string? Store { get; init; }

    /// <summary>postgis: "schema.table".</summary>
    public string? Table { get; init; }

    /// <summary>The file imported (its name only), for the listing and the audit log.</summary>
    public string? Source { get; init; }

    public long Features { get; init; }

    /// <summary>"MultiPolygon", "Point", …; "Raster" for a COG.</summary>
    public string? GeometryType { get; init; }

    public int Srid { get; init; }

    public AccessLevel Access { get; init; } = AccessLevel.Open;

    public DateTimeOffset Imported { get; init; }

    /// <summary>Who imported it: an API key's or user's name, or "cli:{login}".</summary>
    public string? ImportedBy { get; init; }
}
