namespace GeoServer.Catalog.Metadata;

/// <summary>The ISO code-list value of a code enum member, and back: the member name with a lower-case first letter.</summary>
public static class MetadataCodes
{
    /// <summary>"PlanningCadastre" → "planningCadastre".</summary>
    public static string Code<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The member whose code is <paramref name="code"/> (case-insensitive), or null.</summary>
    public static T? Parse<T>(string? code) where T : struct, Enum =>
        code is not null && Enum.TryParse<T>(code, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(code[0])
            ? value : null;
}
