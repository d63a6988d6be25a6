using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// Reads and writes a <see cref="Style"/> as JSON: camelCase names, enums as camelCase strings, symbolizers told
/// apart by <c>"type"</c> (polygon, line, point, text). Styles are written by hand, so reading allows comments and
/// trailing commas, but refuses unknown members (a misspelt "strokeWidht" would otherwise vanish silently).
/// </summary>
public static class StyleJson
{
    /// <summary>Longest style document read, in characters; a style is a few kilobytes.</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>The serializer options both directions use.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowOutOfOrderMetadataProperties = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        // Null means "none" where the default is a colour (a fill, a halo), so only nulls that are defaults are left out.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitDefaultNulls } },
        WriteIndented = true,
        MaxDepth = 32,
    };

    /// <summary>The style in <paramref name="json"/>; <see cref="StyleException"/> naming the JSON path when malformed.</summary>
    public static Style Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
            throw new StyleException($"The style document is {json.Length} characters long; at most {MaxLength} are read.");
        Style? style;
        try
        {
            style = JsonSerializer.Deserialize<Style>(json, Options);
        }
        catch (JsonException e)
        {
            throw new StyleException($"Invalid style JSON at {e.Path ?? "$"}{Line(e)}: {Problem(e.Message)}", e);
        }
        catch (NotSupportedException e)
        {
            // An abstract symbolizer without "type" surfaces as NotSupportedException, path and all in the message.
            var path = e.InnerException is JsonException inner ? inner.Path : null;
            throw new StyleException($"Invalid style JSON{(path is null ? "" : " at " + path)}: a symbolizer needs \"type\": polygon, line, point or text. ({Problem(e.Message)})", e);
        }
        if (style is null)
            throw new StyleException("Invalid style JSON at $: the document is null; write a style object.");
        if (string.IsNullOrWhiteSpace(style.Name))
            throw new StyleException("Invalid style JSON at $.name: the style needs a non-empty name.");
        for (var i = 0; i < style.Rules.Count; i++)
        {
            if (style.Rules[i] is null)
                throw new StyleException($"Invalid style JSON at $.rules[{i}]: a rule cannot be null.");
            for (var j = 0; j < style.Rules[i].Symbolizers.Count; j++)
                if (style.Rules[i].Symbolizers[j] is null)
                    throw new StyleException($"Invalid style JSON at $.rules[{i}].symbolizers[{j}]: a symbolizer cannot be null.");
        }
        return style;
    }

    /// <summary>The style as indented JSON that <see cref="Read"/> reads back to an equal style.</summary>
    public static string Write(Style style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return JsonSerializer.Serialize(style, Options);
    }

    private static void OmitDefaultNulls(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.IsAbstract || type.Type.GetConstructor(Type.EmptyTypes) is null)
            return;
        // Required members are a compile-time rule; at run time the parameterless constructor gives the defaults.
        var defaults = Activator.CreateInstance(type.Type)!;
        foreach (var property in type.Properties)
        {
            if (property.Get is { } get && get(defaults) is null)
                property.ShouldSerialize = (_, value) => value is not null;
        }
    }

    private static string Line(JsonException e) =>
        e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";

    // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …", which the message already says.
    private static string Problem(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
