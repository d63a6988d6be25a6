namespace GeoServer.Catalog.Metadata;

/// <summary>The ISO 639-2/B codes the catalog speaks (ISO 19115 LanguageCode), and their BCP 47 tags for the web encodings.</summary>
public static class Languages
{
    public const string Vietnamese = "vie";
    public const string English = "eng";

    /// <summary>The BCP 47 tag ("vi", "en") of an ISO 639-2 code, for OGC API – Records and Dublin Core.</summary>
    public static string Tag(string code) => code switch { Vietnamese => "vi", English => "en", _ => code };

    /// <summary>The ISO 639-2 code of a BCP 47 tag or of a code; null when not offered.</summary>
    public static string? Code(string? tag) => tag?.ToLowerInvariant() switch
    {
        "vi" or "vie" => Vietnamese,
        "en" or "eng" => English,
        _ => null,
    };
}
