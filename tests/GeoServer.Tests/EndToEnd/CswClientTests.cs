using GeoServer.Tests.Support;

namespace GeoServer.Tests.EndToEnd;

/// <summary>
/// CSW through OWSLib's CatalogueServiceWeb (Python; what QGIS's MetaSearch and pycsw's tooling use): capabilities,
/// GetRecords with a PropertyIsLike on csw:AnyText and with a BBOX (XML POST, as OWSLib sends them), paging through
/// every record by nextRecord, and each record by id in Dublin Core and in ISO 19139. OWSLib is required: a machine
/// without it fails this test.
/// </summary>
[Collection(GeoSdiServerCollection.Name)]
public sealed class CswClientTests(GeoSdiServer server) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("geosdi-csw-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task OWSLib_searches_pages_and_fetches_every_record_in_both_schemas()
    {
        const string script = """
            import sys, warnings
            warnings.simplefilter('ignore')
            from owslib.csw import CatalogueServiceWeb
            from owslib import fes
            csw = CatalogueServiceWeb(sys.argv[1], timeout=60)
            print('OPS', ' '.join(o.name for o in csw.operations))
            csw.getrecords2(constraints=[fes.PropertyIsLike('csw:AnyText', '%song, kenh%')], esn='full', maxrecords=10)
            print('LIKE', csw.results['matches'], ' '.join(sorted(csw.records)))
            # A list in a list is an ogc:And for OWSLib (a flat list is an ogc:Or).
            csw.getrecords2(constraints=[[fes.BBox([105.80, 21.12, 105.85, 21.15]), fes.PropertyIsEqualTo('dc:type', 'dataset')]], maxrecords=100)
            print('BBOX', csw.results['matches'], ' '.join(sorted(csw.records)))
            ids, start = [], 1
            while True:
                csw.getrecords2(esn='brief', startposition=start, maxrecords=4)
                ids += list(csw.records)
                total, nxt = csw.results['matches'], csw.results['nextrecord']
                if not nxt or nxt > total: break
                start = nxt
            print('PAGED', len(ids), total, len(set(ids)))
            dc = iso = 0
            for i in ids:
                csw.getrecordbyid(id=[i])
                r = csw.records.get(i)
                dc += r is not None and r.identifier == i and bool(r.title)
                csw.getrecordbyid(id=[i], outputschema='http://www.isotc211.org/2005/gmd')
                m = csw.records.get(i)
                iso += m is not None and m.identifier == i and bool(m.identificationinfo[0].title)
            print('BYID', dc, iso)
            csw.getrecordbyid(id=['vn:rivers'], outputschema='http://www.isotc211.org/2005/gmd')
            m = csw.records['vn:rivers']
            b = m.identificationinfo[0].bbox
            print('ISO', m.identificationinfo[0].title, b.minx, b.miny, ' '.join(o.protocol for o in m.distribution.online))
            csw.getrecordbyid(id=['vn:rivers'])
            d = csw.records['vn:rivers']
            print('DC', d.title, d.bbox.minx, d.bbox.miny, ' '.join(sorted(set(r['scheme'] for r in d.references))))
            """;
        await File.WriteAllTextAsync(Path.Combine(_work, "owslib_csw.py"), script);

        var output = await ExternalTool.RunAsync("/usr/bin/python3", "python3-owslib", _work, errorsFail: false, "owslib_csw.py",
            new Uri(server.BaseAddress, "/csw").ToString());

        Assert.Contains("OPS GetCapabilities DescribeRecord GetRecords GetRecordById GetDomain", output);
        Assert.Contains("LIKE 1 vn:rivers", output);
        var bbox = Line(output, "BBOX");
        Assert.Contains("ha-noi:land_parcels_synthetic", bbox);
        Assert.DoesNotContain("service:", bbox);
        int total = SampleData.AllCollectionIds.Count + 4;
        Assert.Contains($"PAGED {total} {total} {total}", output);
        Assert.Contains($"BYID {total} {total}", output);
        Assert.Contains("ISO Sông, kênh (GSHHG/WDBII) 100 5 OGC:API-Features WWW:LINK OGC:WMS OGC:WMTS OGC:API-Tiles", output);
        Assert.Contains("DC Sông, kênh (GSHHG/WDBII) 100 5", output);
        Assert.Contains("OGC:WMS", Line(output, "DC"));
    }

    private static string Line(string output, string tag) =>
        output.Split('\n').FirstOrDefault(l => l.StartsWith(tag + " ")) ?? throw new Xunit.Sdk.XunitException($"no {tag} line in:\n{output}");
}
