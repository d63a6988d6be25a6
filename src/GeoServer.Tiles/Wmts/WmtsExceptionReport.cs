using GeoServer.Tiles.Http;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Wmts;

/// <summary>Writes a <see cref="WmtsException"/> as an OWS 1.1 ExceptionReport (OGC 06-121r3 8.5).</summary>
public static class WmtsExceptionReport
{
    public const string Ows = "http://www.opengis.net/ows/1.1";

    public static Task WriteAsync(HttpResponse response, WmtsException error) =>
        XmlResponse.WriteAsync(response, "application/xml", xml =>
        {
            xml.WriteStartElement("ows", "ExceptionReport", Ows);
            xml.WriteAttributeString("version", "1.1.0");
            xml.WriteAttributeString("xml", "lang", null, "en");
            xml.WriteStartElement("ows", "Exception", Ows);
            xml.WriteAttributeString("exceptionCode", error.Code);
            if (error.Locator is not null) xml.WriteAttributeString("locator", error.Locator);
            xml.WriteElementString("ows", "ExceptionText", Ows, error.Message);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }, error.Status);
}
