using System.Xml;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Catalog.Csw;

/// <summary>Writes a <see cref="CswException"/> as an OWS 1.0 ows:ExceptionReport (CSW 2.0.2 10.3.7).</summary>
public static class CswExceptionReport
{
    public static async Task WriteAsync(HttpResponse response, CswException error)
    {
        await using var output = new XmlOutput(response, error.Status);
        var xml = output.Xml;
        xml.WriteStartElement("ows", "ExceptionReport", CswNamespaces.Ows);
        xml.WriteAttributeString("version", CswNames.OwsVersion);
        xml.WriteAttributeString("language", "en");
        xml.WriteAttributeString("xmlns", "xsi", null, CswNamespaces.Xsi);
        xml.WriteAttributeString("xsi", "schemaLocation", CswNamespaces.Xsi, CswNamespaces.OwsExceptionSchemaLocation);
        xml.WriteStartElement("ows", "Exception", CswNamespaces.Ows);
        xml.WriteAttributeString("exceptionCode", error.Code);
        if (error.Locator is not null) xml.WriteAttributeString("locator", error.Locator);
        xml.WriteElementString("ows", "ExceptionText", CswNamespaces.Ows, error.Message);
        xml.WriteEndElement();
        xml.WriteEndElement();
        await output.CompleteAsync(default);
    }
}
