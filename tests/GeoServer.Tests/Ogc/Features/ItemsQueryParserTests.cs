using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using GeoServer.Ogc.Common;
using GeoServer.Ogc.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GeoServer.Tests.Ogc.Features;

public sealed class ItemsQueryParserTests
{
    private static readonly CrsRegistry Crs = CrsRegistry.Default;
    private static readonly ServerOptions Server = new() { DefaultLimit = 10, MaxLimit = 1000 };

    private static readonly LayerInfo Places = new()
    {
        Id = "vn:populated_places",
        Name = "populated_places",
        Workspace = new Workspace("vn", "Việt Nam"),
        Title = "Điểm dân cư",
        StorageCrs = Crs.FromEpsg(4326),
        Schema = new FeatureSchema("fid",
        [
            new PropertyInfo("ten", PropertyType.String),
            new PropertyInfo("dan_so_osm", PropertyType.Integer),
            new PropertyInfo("dien_tich", PropertyType.Number),
            new PropertyInfo("thu_do", PropertyType.Boolean),
            new PropertyInfo("cap_nhat", PropertyType.DateTime),
            new PropertyInfo("anh", PropertyType.Binary),
        ], "POINT"),
        Temporal = new TemporalProperty("cap_nhat"),
    };

    private static readonly LayerInfo Codes = new()
    {
        Id = "ha-noi:land_use_codes",
        Name = "land_use_codes",
        Workspace = new Workspace("ha-noi", "Hà Nội"),
        Title = "Mã loại đất",
        Schema = new FeatureSchema("fid", [new PropertyInfo("ma", PropertyType.String)], null),
    };

    private static ItemsRequest Parse(string query, LayerInfo? layer = null) =>
        ItemsQueryParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)), layer ?? Places, Server, Crs);

    private static OgcException Rejected(string query, LayerInfo? layer = null) =>
        Assert.Throws<OgcException>(() => Parse(query, layer));

    [Fact]
    public void No_parameters_ask_for_the_first_page_of_the_default_size_in_CRS84()
    {
        var request = Parse("");

        Assert.Equal(10, request.Query.Limit);
        Assert.Equal(0, request.Query.Offset);
        Assert.Null(request.Query.AfterKey);
        Assert.Null(request.Query.BBox);
        Assert.Null(request.Query.Datetime);
        Assert.Empty(request.Query.PropertyFilters);
        Assert.Same(Crs.Crs84, request.OutputCrs);
        Assert.Equal(0, request.Position);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("250", 250)]
    [InlineData("1000", 1000)]
    [InlineData("1001", 1000)]
    [InlineData("99999999999", 1000)]
    [InlineData("+5", 5)]
    public void A_limit_above_the_maximum_is_clamped_to_it(string limit, int expected)
    {
        Assert.Equal(expected, Parse("limit=" + Uri.EscapeDataString(limit)).Query.Limit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1e12")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("99999999999999999999")]
    public void An_invalid_limit_is_a_400_naming_limit(string limit)
    {
        var e = Rejected("limit=" + Uri.EscapeDataString(limit));

        Assert.Equal(400, e.Status);
        Assert.Equal("limit", e.Parameter);
        Assert.Contains("'limit'", e.Message);
    }

    [Fact]
    public void An_offset_skips_features_and_is_the_position_of_the_page()
    {
        var request = Parse("offset=20&limit=5");

        Assert.Equal(20, request.Query.Offset);
        Assert.Equal(20, request.Position);
        Assert.Equal(5, request.Query.Limit);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("2.5")]
    public void An_invalid_offset_is_a_400_naming_offset(string offset)
    {
        var e = Rejected("offset=" + offset);

        Assert.Equal(400, e.Status);
        Assert.Equal("offset", e.Parameter);
    }

    [Theory]
    [InlineData("foo=bar", "foo")]
    [InlineData("TEN=Hà Nội", "TEN")] // property names are case-sensitive
    [InlineData("anh=abc", "anh")] // binary properties are not queryable
    [InlineData("fid=2", "fid")] // the key is not a property
    [InlineData("resultType=hits", "resultType")]
    public void An_unknown_parameter_is_a_400_naming_it(string query, string parameter)
    {
        var e = Rejected(query);

        Assert.Equal(400, e.Status);
        Assert.Equal(parameter, e.Parameter);
        Assert.Contains(parameter, e.Message);
    }

    [Fact]
    public void Known_parameter_names_are_recognised_in_any_case()
    {
        var request = Parse("LIMIT=5&F=json");

        Assert.Equal(5, request.Query.Limit);
    }

    [Theory]
    [InlineData("ten=Hà Nội", "ten", "Hà Nội")]
    [InlineData("dan_so_osm=8053663", "dan_so_osm", 8053663L)]
    [InlineData("dan_so_osm=-3", "dan_so_osm", -3L)]
    [InlineData("dien_tich=3358.6", "dien_tich", 3358.6)]
    [InlineData("thu_do=true", "thu_do", true)]
    [InlineData("cap_nhat=2025-07-01", "cap_nhat", "2025-07-01")]
    public void A_property_parameter_is_an_equality_filter_with_a_value_of_the_property_type(string query, string name, object value)
    {
        var filter = Assert.Single(Parse(query).Query.PropertyFilters);

        Assert.Equal(name, filter.Property.Name);
        Assert.Equal(value, filter.Value);
    }

    [Theory]
    [InlineData("dan_so_osm=many", "dan_so_osm")]
    [InlineData("dan_so_osm=1.5", "dan_so_osm")]
    [InlineData("dien_tich=NaN", "dien_tich")]
    [InlineData("thu_do=maybe", "thu_do")]
    public void A_property_value_of_the_wrong_type_is_a_400_naming_the_property(string query, string name)
    {
        var e = Rejected(query);

        Assert.Equal(400, e.Status);
        Assert.Equal(name, e.Parameter);
    }

    [Fact]
    public void Several_property_parameters_all_become_filters()
    {
        var filters = Parse("ten=Hà Nội&thu_do=true&limit=3").Query.PropertyFilters;

        Assert.Equal(["ten", "thu_do"], filters.Select(f => f.Property.Name).Order());
    }

    [Fact]
    public void A_bbox_defaults_to_CRS84_longitude_first()
    {
        Assert.Equal(new BBox(105.3, 20.2, 106.9, 21.4), Parse("bbox=105.3,20.2,106.9,21.4").Query.BBox);
    }

    [Theory]
    [InlineData("EPSG:4326")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4326")]
    [InlineData("urn:ogc:def:crs:EPSG::4326")]
    [InlineData("[EPSG:4326]")]
    public void A_bbox_in_EPSG_4326_is_latitude_first(string crs)
    {
        var request = Parse($"bbox=20.2,105.3,21.4,106.9&bbox-crs={Uri.EscapeDataString(crs)}");

        Assert.Equal(new BBox(105.3, 20.2, 106.9, 21.4), request.Query.BBox);
    }

    [Fact]
    public void A_projected_bbox_is_transformed_into_the_storage_CRS()
    {
        var request = Parse("bbox=580000,2320000,600000,2340000&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3405");
        var expected = Crs.GetTransform(Crs.FromEpsg(3405)!, Crs.FromEpsg(4326)!).Transform(new BBox(580000, 2320000, 600000, 2340000));

        var box = request.Query.BBox!.Value;

        Assert.Equal(expected, box);
        Assert.InRange(box.MinX, 105.7, 105.8);
        Assert.InRange(box.MaxY, 21.1, 21.2);
    }

    [Theory]
    [InlineData("bbox=1,2,3&limit=5", "bbox")]
    [InlineData("bbox-crs=EPSG:4326", "bbox-crs")] // without a bbox
    [InlineData("bbox=1,2,3,4&bbox-crs=EPSG:99999", "bbox-crs")]
    [InlineData("bbox=1,2,3,4&bbox-crs=WGS84", "bbox-crs")]
    [InlineData("crs=EPSG:99999", "crs")]
    [InlineData("crs=CRS84", "crs")]
    [InlineData("datetime=yesterday", "datetime")]
    [InlineData("cursor=garbage", "cursor")]
    public void A_bad_spatial_temporal_or_paging_parameter_is_a_400_naming_it(string query, string parameter)
    {
        var e = Rejected(query);

        Assert.Equal(400, e.Status);
        Assert.Equal(parameter, e.Parameter);
    }

    [Theory]
    [InlineData("EPSG:3857", 3857)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/3405", 3405)]
    [InlineData("urn:ogc:def:crs:EPSG::4756", 4756)]
    public void A_crs_parameter_chooses_the_output_CRS(string crs, int epsg)
    {
        Assert.Equal(epsg, Parse("crs=" + Uri.EscapeDataString(crs)).OutputCrs.Epsg);
    }

    [Fact]
    public void The_CRS84_URI_is_the_default_output_CRS()
    {
        Assert.Same(Crs.Crs84, Parse("crs=" + Uri.EscapeDataString("http://www.opengis.net/def/crs/OGC/1.3/CRS84")).OutputCrs);
    }

    [Fact]
    public void A_datetime_filters_on_the_layers_temporal_property()
    {
        var filter = Parse("datetime=2025-01-01T00:00:00Z/..").Query.Datetime!;

        Assert.Equal(new TemporalProperty("cap_nhat"), filter.Property);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), filter.Interval.Start);
        Assert.Null(filter.Interval.End);
    }

    [Fact]
    public void A_cursor_continues_after_its_key_from_its_position()
    {
        var cursor = new PageCursor(4321, 500).Encode();

        var request = Parse($"cursor={cursor}&limit=100&offset=7");

        Assert.Equal(4321, request.Query.AfterKey);
        Assert.Equal(0, request.Query.Offset);
        Assert.Equal(500, request.Position);
    }

    [Theory]
    [InlineData("bbox=105,20,106,21", "bbox")]
    [InlineData("datetime=2025-01-01", "datetime")]
    [InlineData("crs=EPSG:3857", "crs")]
    public void Spatial_and_temporal_parameters_on_a_table_without_geometry_or_time_are_a_400(string query, string parameter)
    {
        var e = Rejected(query, Codes);

        Assert.Equal(400, e.Status);
        Assert.Equal(parameter, e.Parameter);
    }
}
