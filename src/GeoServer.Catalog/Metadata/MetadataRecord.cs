using System.Text.Json.Serialization;
using GeoServer.Core.Spatial;

namespace GeoServer.Catalog.Metadata;

/// <summary>
/// One catalog record: the ISO 19115 core metadata of a dataset or a service. Every protocol (CSW Dublin Core and
/// ISO 19139, OGC API – Records GeoJSON and HTML) writes from this one model, and search indexes it. Immutable: a
/// change makes a new record and a new index.
/// </summary>
public sealed record MetadataRecord
{
    /// <summary>The record's identifier (fileIdentifier, dc:identifier, the Records item id); a layer's record has the layer id.</summary>
    public required string Id { get; init; }
    public required RecordType Type { get; init; }
    public required RecordOrigin Origin { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText? Abstract { get; init; }
    public IReadOnlyList<KeywordSet> Keywords { get; init; } = [];
    public IReadOnlyList<TopicCategory> TopicCategories { get; init; } = [];

    /// <summary>Who answers for the resource (the publisher, the custodian…).</summary>
    public IReadOnlyList<ResponsibleParty> Contacts { get; init; } = [];

    /// <summary>How the data were made (ISO 19115 LI_Lineage statement).</summary>
    public LocalizedText? Lineage { get; init; }

    /// <summary>A data quality statement (DQ_DataQuality report, e.g. positional accuracy or completeness).</summary>
    public LocalizedText? QualityStatement { get; init; }

    /// <summary>Geographic extent in CRS84; null when the resource has none (a table without geometry).</summary>
    public BBox? Extent { get; init; }
    public TemporalExtent? Time { get; init; }

    /// <summary>The reference system of the data as an OGC URI (http://www.opengis.net/def/crs/EPSG/0/…), or null.</summary>
    public string? ReferenceSystem { get; init; }
    public SpatialResolution? Resolution { get; init; }
    public ResourceConstraints Constraints { get; init; } = new();
    public Distribution Distribution { get; init; } = Distribution.None;
    public MaintenanceFrequency UpdateFrequency { get; init; } = MaintenanceFrequency.Unknown;
    public DateOnly? NextReview { get; init; }

    /// <summary>The language of the resource and of the record's own texts (ISO 639-2), translations aside.</summary>
    public string Language { get; init; } = Languages.Vietnamese;

    /// <summary>When the record last changed (metadata dateStamp, dct:modified).</summary>
    public required DateTimeOffset Modified { get; init; }

    /// <summary>The workspace that publishes the resource, or null for a server-wide service or an external record without one.</summary>
    public string? Workspace { get; init; }

    /// <summary>
    /// The layer the record describes, when <see cref="Origin"/> is <see cref="RecordOrigin.Layer"/>: the record is
    /// visible exactly to callers who may see that layer (the registry decides).
    /// </summary>
    public string? LayerId { get; init; }

    /// <summary>For a service record, the service type as CSW and ISO 19119 name it ("OGC:WMS"); otherwise null.</summary>
    public string? ServiceType { get; init; }

    /// <summary>Every keyword of every set, in order.</summary>
    [JsonIgnore]
    public IEnumerable<LocalizedText> AllKeywords => Keywords.SelectMany(k => k.Words);
}
