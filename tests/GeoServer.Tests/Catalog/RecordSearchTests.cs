using GeoServer.Catalog.Metadata;
using GeoServer.Catalog.Search;
using GeoServer.Core.Filtering;
using GeoServer.Core.Spatial;
using static GeoServer.Tests.Catalog.CatalogFixtures;

namespace GeoServer.Tests.Catalog;

public sealed class RecordSearchTests
{
    private readonly GeoServer.Catalog.Registration.RecordCatalog _catalog = NewCatalog();

    private List<string> Ids(SearchQuery query, System.Security.Claims.ClaimsPrincipal? caller = null) =>
        _catalog.Search(caller ?? Anonymous, query with { Limit = 100 }).Records.Select(r => r.Id).ToList();

    [Theory]
    [InlineData("dat dai")]
    [InlineData("DAT DAI")]
    [InlineData("Đất Đai")]
    [InlineData("đất đai")]
    public void Words_without_diacritics_or_case_find_Vietnamese_text(string q) =>
        Assert.Contains("vn:land_use", Ids(new SearchQuery { Text = q }));

    [Fact]
    public void Ha_Noi_finds_Hà_Nội_only_for_callers_who_may_see_the_layer()
    {
        Assert.DoesNotContain("ha-noi:parcels", Ids(new SearchQuery { Text = "Ha Noi thua dat" }));
        Assert.Contains("ha-noi:parcels", Ids(new SearchQuery { Text = "Ha Noi thua dat" }, HaNoiStaff));
    }

    [Fact]
    public void A_restricted_layers_record_is_missing_for_the_anonymous_caller_by_id_and_in_every_list()
    {
        Assert.Null(_catalog.Find(Anonymous, "ha-noi:parcels"));
        Assert.NotNull(_catalog.Find(HaNoiStaff, "ha-noi:parcels"));
        Assert.DoesNotContain("ha-noi:parcels", Ids(new SearchQuery()));
        var facets = _catalog.Search(Anonymous, new SearchQuery { Facets = true, Workspace = "ha-noi" }).Facets!;
        Assert.DoesNotContain(facets[Facet.Keyword], f => f.Value == "địa chính");
    }

    [Fact]
    public void A_title_match_ranks_above_an_abstract_match()
    {
        var ids = Ids(new SearchQuery { Text = "dat dai" });
        Assert.Equal(["vn:land_use", "vn:rivers"], ids);
        // Both name Hà Nội (the workspace is a place keyword of each); the parcels also in title and abstract.
        Assert.Equal(["ha-noi:parcels", "ha-noi:codes"], Ids(new SearchQuery { Text = "ha noi" }, HaNoiStaff));
    }

    [Fact]
    public void English_translations_and_thesaurus_keywords_and_lineage_are_searched()
    {
        Assert.Equal(["vn:rivers"], Ids(new SearchQuery { Text = "rivers viet" }));
        Assert.Equal(["vn:rivers"], Ids(new SearchQuery { Text = "hydrography" }));
        Assert.Equal(["vn:rivers"], Ids(new SearchQuery { Text = "so hoa ban do dia hinh" }));
    }

    [Fact]
    public void A_word_matches_the_longer_words_it_begins()
    {
        Assert.Contains("vn:rivers", Ids(new SearchQuery { Text = "hydro" }));
    }

    [Fact]
    public void Every_layer_and_service_endpoint_has_a_record()
    {
        var ids = Ids(new SearchQuery(), HaNoiStaff);
        Assert.Equal(["ha-noi:codes", "ha-noi:parcels", "service:csw", "service:ogcapi", "service:wms", "service:wmts", "vn:land_use", "vn:rivers"], ids);
        var codes = _catalog.Find(Anonymous, "ha-noi:codes")!;
        Assert.Equal(RecordType.NonGeographicDataset, codes.Type);
        Assert.Null(codes.Extent);
    }

    [Fact]
    public void A_layer_record_takes_extent_CRS_access_and_links_from_the_layer()
    {
        var rivers = _catalog.Find(Anonymous, "vn:rivers")!;
        Assert.Equal(new BBox(103, 10, 108, 23), rivers.Extent);
        Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", rivers.ReferenceSystem);
        Assert.Equal("Rivers of Viet Nam", rivers.Title.In(Languages.English));
        Assert.Equal([TopicCategory.InlandWaters], rivers.TopicCategories);
        Assert.Equal("CC BY 4.0", rivers.Constraints.Licence);
        Assert.Contains(rivers.Distribution.Links, l => l.Protocol == Protocols.Wms && l.Name == "vn:rivers");
        Assert.Contains(rivers.Distribution.Links, l => l.Url == "/ogc/collections/vn%3Arivers/items");
        Assert.Contains(rivers.Distribution.Links, l => l.Protocol == Protocols.Wmts);
    }

    [Fact]
    public void A_service_records_extent_covers_only_open_layers()
    {
        var wms = _catalog.Find(Anonymous, "service:wms")!;
        Assert.Equal(RecordType.Service, wms.Type);
        Assert.Equal(new BBox(102, 8, 110, 24), wms.Extent);
        Assert.DoesNotContain(wms.AllKeywords, k => k.Text == "Thửa đất Hà Nội");
    }

    [Fact]
    public void Facets_count_workspaces_keywords_topics_and_types_of_the_matches()
    {
        var facets = _catalog.Search(HaNoiStaff, new SearchQuery { Facets = true, Types = [RecordType.Dataset, RecordType.NonGeographicDataset] }).Facets!;
        Assert.Contains(new FacetValue("vn", 2), facets[Facet.Workspace]);
        Assert.Contains(new FacetValue("ha-noi", 2), facets[Facet.Workspace]);
        Assert.Contains(new FacetValue("inlandWaters", 1), facets[Facet.TopicCategory]);
        Assert.Contains(new FacetValue("dataset", 3), facets[Facet.Type]);
        Assert.Contains(new FacetValue("nonGeographicDataset", 1), facets[Facet.Type]);
        Assert.Contains(new FacetValue("thủy văn", 1), facets[Facet.Keyword]);
    }

    [Fact]
    public void A_box_selects_records_whose_extent_meets_it()
    {
        Assert.Equal(["ha-noi:parcels", "vn:land_use"], Ids(new SearchQuery { BBox = new BBox(109, 23.5, 109.5, 23.9), Types = [RecordType.Dataset] }, HaNoiStaff)
            .Concat(Ids(new SearchQuery { BBox = new BBox(105.5, 21, 105.6, 21.1), Ids = ["ha-noi:parcels"] }, HaNoiStaff)).Order());
    }

    [Theory]
    [InlineData("subject = 'THUY VAN'", "vn:rivers")]
    [InlineData("title LIKE '%song%'", "vn:rivers")]
    [InlineData("anytext LIKE '%dia hinh%'", "vn:rivers")]
    [InlineData("topiccategory = 'planningCadastre'", "vn:land_use")]
    [InlineData("type = 'nonGeographicDataset'", "ha-noi:codes")]
    [InlineData("S_INTERSECTS(geometry, BBOX(109, 23.5, 109.5, 23.9)) AND type = 'dataset'", "vn:land_use")]
    [InlineData("NOT (subject = 'đất đai') AND workspace = 'vn' AND title LIKE '%viet%'", "vn:rivers")]
    public void CQL2_filters_run_over_the_records_case_and_accent_insensitively(string cql, string expected)
    {
        var filter = CqlTextParser.Parse(cql, Queryables.Schema);
        Assert.Equal([expected], Ids(new SearchQuery { Filter = filter }));
    }

    [Theory]
    [InlineData("anytext LIKE '%SÔNG%' AND type = 'dataset'", "vn:rivers")]
    [InlineData("anytext LIKE '%song%ngoi%'", "vn:rivers")]
    [InlineData("title LIKE '%rivers of%'", "vn:rivers")]
    public void A_LIKE_prefilter_keeps_exactly_the_records_the_filter_matches(string cql, string expected)
    {
        var filter = CqlTextParser.Parse(cql, Queryables.Schema);
        Assert.NotNull(RecordFilter.Prefilter(CqlTextParser.Parse("anytext LIKE '%song%'", Queryables.Schema)));
        Assert.Equal([expected], Ids(new SearchQuery { Filter = filter }));
    }

    [Fact]
    public void Ten_thousand_records_index_and_search_alike()
    {
        var words = new[] { "Đất đai", "Sông ngòi", "Hồ chứa", "Khoáng sản", "Địa chất" };
        var records = Enumerable.Range(0, 10_000).Select(i => new MetadataRecord
        {
            Id = $"ext:{i:D5}",
            Type = RecordType.Dataset,
            Origin = RecordOrigin.External,
            Title = new LocalizedText($"{words[i % words.Length]} tỉnh {i}"),
            Extent = new BBox(102 + i % 7, 8 + i % 15, 103 + i % 7, 9 + i % 15),
            Modified = DateTimeOffset.UnixEpoch.AddDays(i),
        }).ToList();
        var index = new RecordIndex(records);

        var text = index.Search(new SearchQuery { Text = "dat dai", Limit = 5 }, _ => true);
        var like = index.Search(new SearchQuery { Filter = CqlTextParser.Parse("anytext LIKE '%dat dai%'", Queryables.Schema), Limit = 5 }, _ => true);
        var box = index.Search(new SearchQuery { BBox = new BBox(102.5, 8.5, 102.6, 8.6), Limit = 0 }, _ => true);

        Assert.Equal(2000, text.Matched);
        Assert.Equal(2000, like.Matched);
        Assert.Equal(records.Count(r => r.Extent!.Value.Intersects(new BBox(102.5, 8.5, 102.6, 8.6))), box.Matched);
    }

    [Fact]
    public void Pages_follow_one_another_without_gap_or_repeat()
    {
        var all = Ids(new SearchQuery(), HaNoiStaff);
        var paged = new List<string>();
        for (int offset = 0; offset < all.Count; offset += 3)
            paged.AddRange(_catalog.Search(HaNoiStaff, new SearchQuery { Offset = offset, Limit = 3 }).Records.Select(r => r.Id));
        Assert.Equal(all, paged);
    }

    [Fact]
    public void Sorting_by_title_descending_orders_by_folded_title()
    {
        var ids = _catalog.Search(Anonymous, new SearchQuery { Types = [RecordType.Dataset], SortBy = [new SortKey(SortField.Title, true)], Limit = 10 })
            .Records.Select(r => r.Id).ToList();
        Assert.Equal(["vn:rivers", "vn:land_use"], ids);
    }
}
