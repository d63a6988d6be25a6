namespace GeoServer.Core.Sources;

/// <summary>
/// The attribute columns of a source in the order <see cref="Feature.Values"/> holds them, plus the key and
/// geometry description. Lookups by name are case-sensitive, as in the store.
/// </summary>
public sealed class FeatureSchema
{
    private readonly Dictionary<string, int> _index;

    public FeatureSchema(string keyName, IReadOnlyList<PropertyInfo> properties, string? geometryType)
    {
        KeyName = keyName;
        Properties = properties;
        GeometryType = geometryType;
        _index = properties.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>Name of the unique integer key that identifies features and orders pages.</summary>
    public string KeyName { get; }

    /// <summary>Attribute columns, excluding key and geometry.</summary>
    public IReadOnlyList<PropertyInfo> Properties { get; }

    /// <summary>OGC simple-feature type name (POINT, MULTIPOLYGON, …); null for a table without geometry.</summary>
    public string? GeometryType { get; }

    public bool HasGeometry => GeometryType is not null;

    /// <summary>The property named so, or null.</summary>
    public PropertyInfo? Find(string name) => _index.TryGetValue(name, out var i) ? Properties[i] : null;

    /// <summary>Position of the property in <see cref="Feature.Values"/>, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;
}
