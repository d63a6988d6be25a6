namespace GeoServer.Tests.Tiles.Vector;

/// <summary>
/// A layer as read back from a tile; values are string, float, double, long (int and sint), ulong or bool, and
/// <paramref name="ValueFields"/> keeps which member of the Value message (1 … 7) each came from.
/// </summary>
internal sealed record DecodedLayer(string Name, uint Version, uint Extent, List<string> Keys, List<object> Values,
    List<int> ValueFields, List<DecodedFeature> Features)
{
    public Dictionary<string, object> PropertiesOf(DecodedFeature feature)
    {
        var properties = new Dictionary<string, object>();
        for (var i = 0; i < feature.Tags.Count; i += 2)
            properties.Add(Keys[(int)feature.Tags[i]], Values[(int)feature.Tags[i + 1]]);
        return properties;
    }
}
