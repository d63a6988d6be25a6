using GeoServer.Catalog.Metadata;

namespace GeoServer.Catalog;

/// <summary>What a layer's record says beyond what the layer tells (its title, abstract and keywords come from the layer).</summary>
public sealed class RecordOptions
{
    /// <summary>English title and abstract; the layer's own are Vietnamese.</summary>
    public string? TitleEn { get; init; }
    public string? AbstractEn { get; init; }

    /// <summary>English keywords, added beside the layer's.</summary>
    public List<string>? KeywordsEn { get; init; }

    /// <summary>Keywords from thesauri (GEMET, INSPIRE themes…).</summary>
    public List<ThesaurusKeywords>? Thesauri { get; init; }

    /// <summary>ISO topic categories by code ("boundaries", "inlandWaters").</summary>
    public List<TopicCategory>? TopicCategories { get; init; }

    public string? Lineage { get; init; }
    public string? LineageEn { get; init; }
    public string? QualityStatement { get; init; }
    public string? Licence { get; init; }
    public string? LicenceUrl { get; init; }
    public MaintenanceFrequency? UpdateFrequency { get; init; }
    public DateOnly? NextReview { get; init; }
    public long? ScaleDenominator { get; init; }
}
