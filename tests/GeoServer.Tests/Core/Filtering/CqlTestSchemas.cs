using GeoServer.Core.Filtering;
using GeoServer.Core.Sources;

namespace GeoServer.Tests.Core.Filtering;

/// <summary>The layers the filter tests query: one of every attribute type, and the queryables of the standard's examples.</summary>
internal static class CqlTestSchemas
{
    /// <summary>Land parcels: key "fid", a multipolygon geometry, and properties of every type.</summary>
    public static readonly FeatureSchema Parcels = new("fid",
    [
        new PropertyInfo("name", PropertyType.String),
        new PropertyInfo("floors", PropertyType.Integer),
        new PropertyInfo("area", PropertyType.Number),
        new PropertyInfo("open", PropertyType.Boolean),
        new PropertyInfo("built", PropertyType.Date),
        new PropertyInfo("updated", PropertyType.DateTime),
        new PropertyInfo("starts", PropertyType.DateTime),
        new PropertyInfo("ends", PropertyType.DateTime),
        new PropertyInfo("photo", PropertyType.Binary),
        new PropertyInfo("date", PropertyType.Date),
        new PropertyInfo("and", PropertyType.String),
        new PropertyInfo("tên", PropertyType.String),
        new PropertyInfo("Owner", PropertyType.String),
    ], "MULTIPOLYGON");

    /// <summary>A table without geometry.</summary>
    public static readonly FeatureSchema Register = new("fid", [new PropertyInfo("name", PropertyType.String)], null);

    /// <summary>Queryables named in the standard's examples; "footprint", "location" and "road" name the geometry.</summary>
    public static readonly FeatureSchema Examples = ExampleSchema(PropertyType.Integer, PropertyType.Number);

    /// <summary>Examples 3 and 40 test string values of properties the other examples compare with numbers.</summary>
    public static readonly FeatureSchema ExamplesWithStringCodes = ExampleSchema(PropertyType.String, PropertyType.String);

    public static readonly CqlParserOptions ExampleOptions = new()
    {
        GeometryNames = ["geometry", "footprint", "location", "road"],
    };

    public static PropertyRef Ref(this FeatureSchema schema, string name) =>
        new(name, schema.Find(name) ?? throw new ArgumentException($"No property {name}.", nameof(name)));

    public static PropertyRef Geometry(string name = "geometry") => new(name, null);

    private static FeatureSchema ExampleSchema(PropertyType wrsPath, PropertyType value)
    {
        string[] strings =
        [
            "city", "name", "cityName", "road_class", "etat_vol", "landsat:scene_id", "eo:instrument", "beamMode",
            "swathDirection", "polarization", "owner", "material", "geophys:SURVEY_NAME", "id", "layer:ids", "values",
        ];
        string[] integers = ["category", "landsat:wrs_row", "floors"];
        string[] numbers = ["windSpeed", "balance", "depth", "vehicle_height", "bridge_clearance", "eo:cloud_cover", "taxes", "foo", "bar", "x"];
        string[] datetimes = ["updated", "event_time", "touchdown", "liftOff", "starts_at", "ends_at", "updated_at"];
        var properties = strings.Select(n => new PropertyInfo(n, PropertyType.String))
            .Concat(integers.Select(n => new PropertyInfo(n, PropertyType.Integer)))
            .Concat(numbers.Select(n => new PropertyInfo(n, PropertyType.Number)))
            .Concat(datetimes.Select(n => new PropertyInfo(n, PropertyType.DateTime)))
            .Append(new PropertyInfo("swimming_pool", PropertyType.Boolean))
            .Append(new PropertyInfo("built", PropertyType.Date))
            .Append(new PropertyInfo("landsat:wrs_path", wrsPath))
            .Append(new PropertyInfo("value", value))
            .ToList();
        return new FeatureSchema("fid", properties, "GEOMETRY");
    }
}
