using GeoServer.Core.Sources;

namespace GeoServer.Core.Filtering;

/// <summary>Resolves the names a filter uses against the layer's queryables.</summary>
internal sealed class CqlSchema(FeatureSchema schema, CqlParserOptions options)
{
    private const int MaxNamesListed = 40;

    // The key is a column like any other to the store, so filters may test it ("fid" = 12).
    private readonly PropertyInfo _key = new(schema.KeyName, PropertyType.Integer);

    /// <summary>The property named so (exactly, as the store spells it), or null.</summary>
    public PropertyRef? Resolve(string name)
    {
        if (schema.Find(name) is { } property)
            return new PropertyRef(property.Name, property);
        if (name == schema.KeyName)
            return new PropertyRef(name, _key);
        if (schema.HasGeometry && options.GeometryNames.Contains(name, StringComparer.Ordinal))
            return new PropertyRef(name, null);
        return null;
    }

    /// <summary>"unknown property 'x'", with a likely spelling when case differs, and the queryables.</summary>
    public string Unknown(string name)
    {
        var names = Queryables();
        var reason = $"unknown property '{name}'";
        var sameLetters = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (sameLetters is not null)
            reason += $"; names are case-sensitive: did you mean '{sameLetters}'?";
        var listed = string.Join(", ", names.Take(MaxNamesListed));
        if (names.Count > MaxNamesListed)
            listed += $" and {names.Count - MaxNamesListed} more";
        return $"{reason}; the queryables are {listed}";
    }

    private List<string> Queryables()
    {
        var names = new List<string> { schema.KeyName };
        names.AddRange(schema.Properties.Select(p => p.Name));
        if (schema.HasGeometry && options.GeometryNames.Count > 0)
            names.Add(options.GeometryNames[0]);
        return names;
    }
}
