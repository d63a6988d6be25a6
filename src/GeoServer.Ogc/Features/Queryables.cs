using GeoServer.Core.Layers;
using GeoServer.Core.Sources;

namespace GeoServer.Ogc.Features;

/// <summary>The properties a client may filter a collection by: every attribute of a primitive type.</summary>
public static class Queryables
{
    public static IEnumerable<PropertyInfo> Of(LayerInfo layer) =>
        layer.Schema.Properties.Where(p => p.Type != PropertyType.Binary);

    /// <summary>JSON Schema type and format of a property type.</summary>
    public static (string Type, string? Format) JsonType(PropertyType type) => type switch
    {
        PropertyType.Integer => ("integer", null),
        PropertyType.Number => ("number", null),
        PropertyType.Boolean => ("boolean", null),
        PropertyType.Date => ("string", "date"),
        PropertyType.DateTime => ("string", "date-time"),
        PropertyType.Binary => ("string", "binary"),
        _ => ("string", null),
    };
}
