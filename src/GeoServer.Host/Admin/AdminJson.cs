using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace GeoServer.Host.Admin;

/// <summary>
/// Reading and answering the admin API's JSON documents: bodies of at most 1 MiB, in the configuration file's shape
/// (names in any letter case), strictly: an unknown field, a wrong type or an unknown code is a 400 naming the field,
/// never a field silently dropped. PATCH bodies are JSON merge patches (RFC 7396).
/// </summary>
public static partial class AdminJson
{
    public const int MaxBodyBytes = 1 << 20;
    public const string MergePatch = "application/merge-patch+json";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 32,
        // Vietnamese stays readable in answers and in the database; characters HTML treats specially are still escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    [GeneratedRegex(@"could not be converted to (?:System\.Nullable`1\[)?(?:[\w`]+\.)*(?<type>\w+)")]
    private static partial Regex ConvertedTo();

    /// <summary>The body as JSON, or the problem: 415 for another media type, 413 beyond the limit, 400 when not JSON.</summary>
    public static async Task<(JsonNode? Node, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct, bool patch = false)
    {
        string type = (request.ContentType ?? "").Split(';')[0].Trim();
        if (type is not ("application/json" or MergePatch))
            return (null, Results.Problem(statusCode: 415, title: "Unsupported Media Type",
                detail: patch ? $"Send a JSON merge patch ({MergePatch} or application/json)." : "Send JSON (application/json)."));
        if (request.ContentLength > MaxBodyBytes) return (null, TooLarge());
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyBytes + 1];
        int read = await reader.ReadBlockAsync(buffer, ct);
        if (read > MaxBodyBytes) return (null, TooLarge());
        try
        {
            var node = JsonNode.Parse(new string(buffer, 0, read), documentOptions: new JsonDocumentOptions { MaxDepth = 32 });
            return node is JsonObject ? (node, null) : (null, Problems.Bad("The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, Problems.Bad($"The body is not JSON: {e.Message}"));
        }
    }

    /// <summary>The node as a <typeparamref name="T"/>, or a 400 naming the field that does not fit.</summary>
    public static (T? Value, IResult? Problem) Bind<T>(JsonNode node, string what, JsonSerializerOptions? options = null) where T : class
    {
        try
        {
            return (node.Deserialize<T>(options ?? Options) ?? throw new JsonException("null"), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Bad(Describe(e, what)));
        }
    }

    /// <summary>A deserialisation error in the client's words: the field's path and what was wrong with it.</summary>
    public static string Describe(JsonException e, string what)
    {
        string at = e.Path is { Length: > 1 } path ? path[2..] : what;
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
            return $"'{Unknown(e.Message)}' is not a field of {what}" + (e.Path is { Length: > 1 } p && p.LastIndexOf('.') is > 1 and var dot ? $" (at {p[2..dot]})." : ".");
        if (ConvertedTo().Match(e.Message) is { Success: true } m)
            return $"{at}: not a valid {Friendly(m.Groups["type"].Value)}.";
        return $"{at}: {e.Message.Split(" Path:")[0]}";
    }

    /// <summary>RFC 7396: <paramref name="patch"/> applied to <paramref name="target"/> (a new node; null members remove).</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject changes) return patch?.DeepClone();
        var result = target is JsonObject o ? (JsonObject)o.DeepClone() : new JsonObject();
        foreach (var (name, value) in changes)
        {
            // Names in any letter case, as the rest of the admin API reads them.
            string key = result.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
            if (value is null) result.Remove(key);
            else
            {
                var merged = Apply(result[key], value);
                result.Remove(key);
                result[key] = merged;
            }
        }
        return result;
    }

    private static string Unknown(string message) =>
        message.Split('\'') is { Length: > 2 } parts ? parts[1] : "?";

    private static string Friendly(string type) => type switch
    {
        "AccessLevel" => "access level (Open, Shared or Restricted)",
        "TopicCategory" => "ISO topic category (e.g. inlandWaters, planningCadastre)",
        "MaintenanceFrequency" => "update frequency (continual, daily, weekly, fortnightly, monthly, quarterly, biannually, annually, asNeeded, irregular, notPlanned, unknown)",
        "RoleCode" => "ISO role code (e.g. custodian, owner, pointOfContact, publisher)",
        "DateOnly" => "date (YYYY-MM-DD)",
        "Boolean" => "boolean (true or false)",
        "Int32" or "Int64" => "integer",
        "String" => "string",
        var other when other.StartsWith("List", StringComparison.Ordinal) => "list",
        var other => other,
    };

    private static IResult TooLarge() =>
        Results.Problem(statusCode: 413, title: "Content Too Large", detail: $"The body is larger than {MaxBodyBytes} bytes.");
}
