namespace GeoServer.Catalog;

/// <summary>Keywords from one named thesaurus, in configuration.</summary>
public sealed class ThesaurusKeywords
{
    public string Thesaurus { get; init; } = "";
    public string? Type { get; init; }
    public List<string> Keywords { get; init; } = [];
}
