using GeoServer.Core.Layers;
using GeoServer.Ogc.Common;

namespace GeoServer.Ogc.Features;

/// <summary>"properties": the comma-separated attributes to return; the others are left out of each feature.</summary>
public static class PropertiesParameter
{
    public const string Name = "properties";

    /// <summary>Positions in the schema, in the order asked; null when the parameter is absent.</summary>
    public static IReadOnlyList<int>? Parse(string? text, LayerInfo layer)
    {
        if (text is null) return null;
        var positions = new List<int>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int i = layer.Schema.IndexOf(raw);
            if (i < 0) throw OgcException.BadParameter(Name, $"'{raw}' is not a property of '{layer.Id}'.");
            if (!positions.Contains(i)) positions.Add(i);
        }
        return positions;
    }
}
