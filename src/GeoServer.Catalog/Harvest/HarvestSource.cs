using GeoServer.Catalog.Csw;

namespace GeoServer.Catalog.Harvest;

/// <summary>
/// A source to harvest: its URL, what it is, the workspace its records join (null for none) and, for a scheduled
/// harvest, how often (configuration section Catalog:Harvest).
/// </summary>
public sealed class HarvestSource
{
    public string Url { get; init; } = "";

    /// <summary>The CSW ResourceType: the CSW namespace (Dublin Core), the gmd namespace (ISO 19139) or the WMS namespace.</summary>
    public string ResourceType { get; init; } = CswNamespaces.Csw;
    public string? Workspace { get; init; }

    /// <summary>Minutes between scheduled harvests; 0 harvests only on demand.</summary>
    public int IntervalMinutes { get; init; }

    /// <summary>The kind a ResourceType names, or null when it names none offered.</summary>
    public static HarvestKind? KindOf(string? resourceType) => resourceType switch
    {
        null or CswNamespaces.Csw or CswNames.RecordTypeName => HarvestKind.CswDublinCore,
        CswNamespaces.Gmd or CswNames.IsoTypeName => HarvestKind.CswIso,
        WmsNamespace or "OGC:WMS" => HarvestKind.WmsCapabilities,
        _ => null,
    };

    public const string WmsNamespace = "http://www.opengis.net/wms";
}
