using System.Text.Json;
using System.Text.Json.Serialization;
using GeoServer.Catalog.Metadata;
using GeoServer.Core.Configuration;

namespace GeoServer.Catalog;

/// <summary>
/// A layer's <see cref="RecordOptions"/> as the admin API sends and the configuration database keeps them: JSON in the
/// configuration file's shape (names in any letter case, codes as ISO spells them: "inlandWaters", "asNeeded"), only
/// the fields that are set. Unknown fields and numbers for codes are refused, so a typo is an error, not a field
/// silently ignored.
/// </summary>
public static class RecordOptionsJson
{
    private const int MaxTitle = 500, MaxText = 20_000, MaxWord = 200, MaxItems = 200;
    private static readonly string[] KeywordTypes = ["theme", "place", "discipline", "stratum", "temporal"];

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 16,
        // Vietnamese stays readable in answers and in the database; characters HTML treats specially are still escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The fields in <paramref name="json"/>; a <see cref="JsonException"/> when it is not a record's fields.</summary>
    public static RecordOptions Parse(string json) =>
        JsonSerializer.Deserialize<RecordOptions>(json, Options) ?? throw new JsonException("The document is null.");

    public static string Write(RecordOptions options) => JsonSerializer.Serialize(options, Options);

    /// <summary>The stored documents by layer id; one that no longer reads (written by another version) is reported and left out.</summary>
    public static IReadOnlyDictionary<string, RecordOptions> ByLayer(IEnumerable<StoredMetadata> stored, Action<string, string> broken)
    {
        var byLayer = new Dictionary<string, RecordOptions>(StringComparer.Ordinal);
        foreach (var m in stored)
            try
            {
                byLayer[m.Workspace + ":" + m.Layer] = Parse(m.Body);
            }
            catch (JsonException e)
            {
                broken(m.Workspace + ":" + m.Layer, e.Message);
            }
        return byLayer;
    }

    /// <summary>Null when every field is acceptable; otherwise the first problem, naming the field.</summary>
    public static string? Problem(RecordOptions o)
    {
        foreach (var (name, value, max) in new (string, string?, int)[]
        {
            ("Title", o.Title, MaxTitle), ("TitleEn", o.TitleEn, MaxTitle), ("Abstract", o.Abstract, MaxText), ("AbstractEn", o.AbstractEn, MaxText),
            ("Lineage", o.Lineage, MaxText), ("LineageEn", o.LineageEn, MaxText), ("QualityStatement", o.QualityStatement, MaxText),
            ("QualityStatementEn", o.QualityStatementEn, MaxText), ("Licence", o.Licence, MaxTitle), ("UseLimitation", o.UseLimitation, MaxText),
        })
            if (Text(name, value, max) is { } problem) return problem;
        if ((Words("Keywords", o.Keywords) ?? Words("KeywordsEn", o.KeywordsEn)) is { } wordProblem) return wordProblem;
        if (o.LicenceUrl is not null && !IsWebUrl(o.LicenceUrl)) return $"LicenceUrl: '{o.LicenceUrl}' is not an http(s) URL.";
        if (o.ScaleDenominator is < 1) return "ScaleDenominator: must be 1 or more (the 50000 of 1:50 000).";
        if (o.UpdateFrequency is { } frequency && !Enum.IsDefined(frequency)) return "UpdateFrequency: not an ISO maintenance frequency.";
        if (o.TopicCategories?.Any(t => !Enum.IsDefined(t)) == true) return "TopicCategories: not ISO topic categories.";
        if (o.Thesauri is { Count: > MaxItems }) return $"Thesauri: at most {MaxItems}.";
        for (int i = 0; i < (o.Thesauri?.Count ?? 0); i++)
        {
            var set = o.Thesauri![i];
            string at = $"Thesauri[{i}]";
            if (set is null) return $"{at}: must be an object.";
            if (Text($"{at}.Thesaurus", set.Thesaurus, MaxTitle) is { } problem) return problem;
            if (set.Keywords is not { Count: > 0 }) return $"{at}.Keywords: at least one keyword.";
            if (Words($"{at}.Keywords", set.Keywords) is { } words) return words;
            if (set.Type is not null && !KeywordTypes.Contains(set.Type)) return $"{at}.Type: one of {string.Join(", ", KeywordTypes)}, not '{set.Type}'.";
        }
        if (o.Contacts is { Count: > MaxItems }) return $"Contacts: at most {MaxItems}.";
        for (int i = 0; i < (o.Contacts?.Count ?? 0); i++)
        {
            var party = o.Contacts![i];
            string at = $"Contacts[{i}]";
            if (party is null) return $"{at}: must be an object.";
            if (string.IsNullOrWhiteSpace(party.Organisation)) return $"{at}.Organisation: required.";
            foreach (var (name, value) in new[] { ("Organisation", party.Organisation), ("OrganisationEn", party.OrganisationEn), ("Individual", party.Individual),
                ("Position", party.Position), ("Phone", party.Phone), ("City", party.City), ("Country", party.Country) })
                if (Text($"{at}.{name}", value, MaxTitle) is { } problem) return problem;
            if (party.Email is not null && (party.Email.Length > MaxTitle || party.Email.IndexOf('@') is < 1 || party.Email.Any(char.IsWhiteSpace) || party.Email.EndsWith('@')))
                return $"{at}.Email: '{party.Email}' is not an e-mail address.";
            if (party.Url is not null && !IsWebUrl(party.Url)) return $"{at}.Url: '{party.Url}' is not an http(s) URL.";
            if (!Enum.IsDefined(party.Role)) return $"{at}.Role: not an ISO role code.";
        }
        return null;
    }

    private static string? Text(string name, string? value, int max) =>
        value is null ? null
        : string.IsNullOrWhiteSpace(value) ? $"{name}: must not be blank (leave it out to keep the layer's)."
        : value.Length > max ? $"{name}: at most {max} characters."
        : null;

    private static string? Words(string name, List<string>? words)
    {
        if (words is null) return null;
        if (words.Count > MaxItems) return $"{name}: at most {MaxItems} keywords.";
        for (int i = 0; i < words.Count; i++)
            if (Text($"{name}[{i}]", words[i] ?? "", MaxWord) is { } problem) return problem;
        return null;
    }

    private static bool IsWebUrl(string text) =>
        text.Length <= 2000 && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
