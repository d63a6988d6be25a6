namespace GeoServer.Catalog.Metadata;

/// <summary>
/// Keywords drawn from one thesaurus, or free keywords when <see cref="Thesaurus"/> is null (ISO 19115
/// MD_Keywords): one set per thesaurus keeps a GEMET theme apart from a place name.
/// </summary>
/// <param name="Words">The keywords.</param>
/// <param name="Thesaurus">Title of the thesaurus the keywords come from, or null for free keywords.</param>
/// <param name="Type">MD_KeywordTypeCode ("theme", "place", "discipline", "stratum", "temporal"), or null.</param>
public sealed record KeywordSet(IReadOnlyList<LocalizedText> Words, string? Thesaurus = null, string? Type = null);
