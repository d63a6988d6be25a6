namespace GeoServer.Core.Configuration;

/// <summary>Service-wide metadata and limits.</summary>
public sealed class ServerOptions
{
    public string Title { get; init; } = "GeoSDI";
    public string Description { get; init; } =
        "Hạ tầng dữ liệu không gian — Spatial data infrastructure of natural resources and environment";

    /// <summary>Largest page a client may ask for; larger limits are clamped to it (OGC API Features 7.15.3).</summary>
    public int MaxLimit { get; init; } = 1000;

    /// <summary>Largest coverage download, uncompressed (width × height × bands × bytes per value), in MiB.</summary>
    public int MaxCoverageMegabytes { get; init; } = 64;
    public int DefaultLimit { get; init; } = 10;

    /// <summary>
    /// Whether a full first page of a CQL2 <c>filter</c> query reports numberMatched. Counting an arbitrary filter
    /// re-reads every match (a page stops after its limit), doubling the cost of the request; numberMatched is
    /// optional in OGC API Features, so it is off unless asked for. Short pages always report it (it is free).
    /// </summary>
    public bool CountFilterMatches { get; init; }

    /// <summary>Who runs the service, for the capabilities documents and the catalog's service records.</summary>
    public ContactOptions Contact { get; init; } = new();

    /// <summary>Credit shown on the landing page and map previews.</summary>
    public string? Attribution { get; init; }

    /// <summary>When false, a store that fails to open is reported on /health instead of stopping start-up.</summary>
    public bool FailOnBrokenStore { get; init; } = true;

    /// <summary>
    /// Where the server's own records go (usage counts, audit log): an SQLite file path relative to the configuration's
    /// folder, or a PostgreSQL connection string ("Host=…") that every node of a cluster shares.
    /// </summary>
    public string StateDatabase { get; init; } = ".geosdi/state.db";

    /// <summary>
    /// Where workspaces published through the admin API live: an SQLite file path (one node; default
    /// ".geosdi/config.db") or a PostgreSQL connection string ("Host=…", shared by every node of a cluster, which
    /// pick up each other's changes within seconds).
    /// </summary>
    public string ConfigurationDatabase { get; init; } = ".geosdi/config.db";

    /// <summary>GDAL's block cache for raster stores, in MiB, shared by every raster; null keeps GDAL's default (5 % of RAM).</summary>
    public int? GdalCacheMegabytes { get; init; }
}
