using GeoServer.Core.Layers;

namespace GeoServer.Core.Configuration;

public sealed class StoreOptions
{
    /// <summary>Store type: "geopackage", "postgis" or "gdal" (a raster file GDAL reads: GeoTIFF, COG).</summary>
    public string Type { get; init; } = "";

    /// <summary>File path for file stores, relative to the configuration file's folder.</summary>
    public string? Path { get; init; }

    /// <summary>Connection string for database stores; put secrets in GEOSDI_ environment variables.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Database stores: only discover tables in these schemas; null for every readable schema.</summary>
    public List<string>? Schemas { get; init; }

    /// <summary>
    /// Database stores: publish exactly these tables ("schema.table", or "table" in public) instead of discovering
    /// every table with a geometry column; listed tables may have no geometry.
    /// </summary>
    public List<string>? Tables { get; init; }

    /// <summary>Database stores: the server cancels statements running longer than this many seconds.</summary>
    public int StatementTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// PostGIS stores: install triggers that announce every change to the published tables (LISTEN/NOTIFY), so
    /// cached tiles follow edits made by other programs or other GeoSDI nodes. Needs the right to create triggers.
    /// </summary>
    public bool ListenForChanges { get; init; }

    /// <summary>
    /// true: publish every table even when some are listed under Layers (the listed ones only get overrides); false:
    /// publish only the listed tables, none when none is listed; unset: every table when none is listed, else the
    /// listed ones.
    /// </summary>
    public bool? AutoPublish { get; init; }

    /// <summary>Access level of the layers this store publishes, unless a layer says otherwise.</summary>
    public AccessLevel Access { get; init; } = AccessLevel.Open;

    /// <summary>Credit for every layer of this store, unless a layer says otherwise.</summary>
    public string? Attribution { get; init; }
}
