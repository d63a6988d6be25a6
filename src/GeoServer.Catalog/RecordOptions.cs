using GeoServer.Catalog.Metadata;

namespace GeoServer.Catalog;

/// <summary>
/// The descriptive fields of a layer's record (ISO 19115) beyond what the layer tells: in the configuration file
/// (Catalog:Records) and, per layer, through the admin API (kept in the configuration database, over the file's).
/// Null keeps what the layer or the catalog's defaults say; extent, CRS, access and links are always the layer's.
/// </summary>
public sealed class RecordOptions
{
    /// <summary>The record's Vietnamese title and abstract; by default the layer's.</summary>
    public string? Title { get; init; }
    public string? Abstract { get; init; }

    /// <summary>English title and abstract.</summary>
    public string? TitleEn { get; init; }
    public string? AbstractEn { get; init; }

    /// <summary>Free Vietnamese keywords, in place of the layer's.</summary>
    public List<string>? Keywords { get; init; }

    /// <summary>English keywords, added beside the Vietnamese.</summary>
    public List<string>? KeywordsEn { get; init; }

    /// <summary>Keywords from thesauri (GEMET, INSPIRE themes…).</summary>
    public List<ThesaurusKeywords>? Thesauri { get; init; }

    /// <summary>ISO topic categories by code ("boundaries", "inlandWaters").</summary>
    public List<TopicCategory>? TopicCategories { get; init; }

    /// <summary>Who answers for the data (custodian, owner, point of contact…), in place of the workspace as custodian; the server's operator stays the publisher.</summary>
    public List<PartyOptions>? Contacts { get; init; }

    public string? Lineage { get; init; }
    public string? LineageEn { get; init; }
    public string? QualityStatement { get; init; }
    public string? QualityStatementEn { get; init; }
    public string? Licence { get; init; }
    public string? LicenceUrl { get; init; }

    /// <summary>Limits on use (ISO useLimitation); by default the layer's attribution.</summary>
    public string? UseLimitation { get; init; }
    public MaintenanceFrequency? UpdateFrequency { get; init; }
    public DateOnly? NextReview { get; init; }
    public long? ScaleDenominator { get; init; }

    /// <summary>These fields where set, <paramref name="under"/>'s elsewhere.</summary>
    public RecordOptions Over(RecordOptions? under) => under is null ? this : new RecordOptions
    {
        Title = Title ?? under.Title,
        Abstract = Abstract ?? under.Abstract,
        TitleEn = TitleEn ?? under.TitleEn,
        AbstractEn = AbstractEn ?? under.AbstractEn,
        Keywords = Keywords ?? under.Keywords,
        KeywordsEn = KeywordsEn ?? under.KeywordsEn,
        Thesauri = Thesauri ?? under.Thesauri,
        TopicCategories = TopicCategories ?? under.TopicCategories,
        Contacts = Contacts ?? under.Contacts,
        Lineage = Lineage ?? under.Lineage,
        LineageEn = LineageEn ?? under.LineageEn,
        QualityStatement = QualityStatement ?? under.QualityStatement,
        QualityStatementEn = QualityStatementEn ?? under.QualityStatementEn,
        Licence = Licence ?? under.Licence,
        LicenceUrl = LicenceUrl ?? under.LicenceUrl,
        UseLimitation = UseLimitation ?? under.UseLimitation,
        UpdateFrequency = UpdateFrequency ?? under.UpdateFrequency,
        NextReview = NextReview ?? under.NextReview,
        ScaleDenominator = ScaleDenominator ?? under.ScaleDenominator,
    };
}
