using System.Net;
using System.Text;
using System.Xml.Linq;

namespace GeoServer.Tests.Catalog.Csw;

/// <summary>GET and POST to the CSW endpoint, answers parsed as XML with the status.</summary>
public static class CswClient
{
    public static readonly XNamespace CswNs = "http://www.opengis.net/cat/csw/2.0.2";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Dct = "http://purl.org/dc/terms/";
    public static readonly XNamespace Ows = "http://www.opengis.net/ows";
    public static readonly XNamespace Gmd = "http://www.isotc211.org/2005/gmd";
    public static readonly XNamespace Gco = "http://www.isotc211.org/2005/gco";
    public static readonly XNamespace Srv = "http://www.isotc211.org/2005/srv";

    public const string Namespaces =
        "xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\" xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:gml=\"http://www.opengis.net/gml\"";

    public static async Task<(HttpStatusCode Status, XDocument Xml)> GetAsync(HttpClient client, string query, string path = "/csw")
    {
        var response = await client.GetAsync(path + "?" + query);
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<(HttpStatusCode Status, XDocument Xml)> PostAsync(HttpClient client, string body, string path = "/csw")
    {
        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/xml"));
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>A GetRecords request in XML around a Query's inner XML.</summary>
    public static string GetRecords(string query, string attributes = "resultType=\"results\"") =>
        $"""<csw:GetRecords {Namespaces} service="CSW" version="2.0.2" {attributes}><csw:Query typeNames="csw:Record">{query}</csw:Query></csw:GetRecords>""";

    public static List<string> Identifiers(XDocument doc) =>
        doc.Descendants(Dc + "identifier").Select(e => e.Value).ToList();

    /// <summary>The exception code of an ows:ExceptionReport, asserting that it is one.</summary>
    public static string ExceptionCode(XDocument doc)
    {
        Assert.Equal(Ows + "ExceptionReport", doc.Root!.Name);
        return doc.Root.Element(Ows + "Exception")!.Attribute("exceptionCode")!.Value;
    }
}
