using GeoServer.Catalog.Harvest;
using GeoServer.Catalog.Metadata;

namespace GeoServer.Catalog;

/// <summary>
/// The catalog's configuration (section "Catalog"): defaults for every record, the descriptive metadata of layers
/// that the layer itself cannot tell (topic, lineage, licence, translations; the admin API's edits go over these),
/// harvesting and request limits.
/// </summary>
public sealed class CatalogOptions
{
    /// <summary>Licence of every layer unless its record says otherwise.</summary>
    public string? Licence { get; init; }
    public string? LicenceUrl { get; init; }

    /// <summary>Update frequency of every layer unless its record says otherwise.</summary>
    public MaintenanceFrequency UpdateFrequency { get; init; } = MaintenanceFrequency.Unknown;

    /// <summary>
    /// Descriptive metadata by workspace, then layer name. Configuration keys split at ':', so a file may write the
    /// layer id ("vn:rivers") as one key and it lands here as workspace "vn", name "rivers".
    /// </summary>
    public Dictionary<string, Dictionary<string, RecordOptions>> Records { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The metadata configured for a layer, or null.</summary>
    public RecordOptions? For(string workspace, string name) =>
        Records.TryGetValue(workspace, out var layers) && layers.TryGetValue(name, out var options) ? options : null;

    /// <summary>Largest request body accepted (CSW POST), in bytes.</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>Sources harvested on a schedule (those with an interval) or named for on-demand use.</summary>
    public List<HarvestSource> Harvest { get; init; } = [];

    /// <summary>Largest answer read from a harvested source, per page, in bytes.</summary>
    public long MaxHarvestBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Longest one request to a harvested source may take, answer included, in seconds.</summary>
    public int HarvestTimeoutSeconds { get; init; } = 60;

    /// <summary>
    /// Host names ("csw.internal.gov.vn") and networks ("10.20.0.0/16", "127.0.0.1") that may be harvested although
    /// their addresses are loopback, private, link-local or otherwise not public, which harvesting refuses by default
    /// (a harvest URL must not reach the server's own network: SSRF).
    /// </summary>
    public List<string> HarvestAllowedHosts { get; init; } = [];

    /// <summary>
    /// SQLite file keeping the external records (CSW Transaction, Harvest), relative to the configuration's folder;
    /// empty keeps them in memory only, lost at restart.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>Most records one page may hold (CSW maxRecords, Records limit); larger requests are clamped.</summary>
    public int MaxRecords { get; init; } = 1000;

    /// <summary>Records per page when the request does not say (CSW's default is 10).</summary>
    public int DefaultRecords { get; init; } = 10;
}
