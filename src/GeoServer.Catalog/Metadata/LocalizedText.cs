using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace GeoServer.Catalog.Metadata;

/// <summary>
/// A free-text field in the record's language with optional translations (ISO 19115 PT_FreeText), keyed by ISO 639-2
/// language code ("vie", "eng"). Search indexes every translation, so an English query finds a Vietnamese record.
/// </summary>
/// <param name="Text">The text in the record's own language.</param>
/// <param name="Translations">The same text in other languages, by ISO 639-2 code; null for none.</param>
public sealed record LocalizedText(string Text, IReadOnlyDictionary<string, string>? Translations = null)
{
    /// <summary>The text in <paramref name="language"/> when translated, else the record's own.</summary>
    public string In(string? language) =>
        language is not null && Translations is not null && Translations.TryGetValue(language, out var t) ? t : Text;

    /// <summary>The text and every translation, for indexing.</summary>
    [JsonIgnore]
    public IEnumerable<string> All => Translations is null ? [Text] : Translations.Values.Prepend(Text);

    [return: NotNullIfNotNull(nameof(text))]
    public static implicit operator LocalizedText?(string? text) => text is null ? null : new(text);

    public override string ToString() => Text;
}
