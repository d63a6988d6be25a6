using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Ogc.Common;

namespace GeoServer.Ogc.Features;

/// <summary>"sortby": comma-separated queryables, each optionally prefixed "+" (ascending) or "-" (descending).</summary>
public static class SortByParameter
{
    public const string Name = "sortby";

    public static IReadOnlyList<SortKey> Parse(string? text, LayerInfo layer)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var keys = new List<SortKey>();
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            bool descending = term.StartsWith('-');
            if (term.StartsWith('-') || term.StartsWith('+')) term = term[1..];
            // A "+" sent unencoded in a query string arrives as a space.
            term = term.Trim();
            var property = layer.Schema.Find(term);
            if (property is null || property.Type == PropertyType.Binary)
                throw OgcException.BadParameter(Name, $"'{term}' is not a sortable property of '{layer.Id}'.");
            keys.Add(new SortKey(property, descending));
        }
        return keys;
    }
}
