using GeoServer.Tiles.Http;
using System.Text;
using GeoServer.Tiles.Rendering;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Wms;

/// <summary>
/// Writes a <see cref="WmsException"/> the way the request asked: a ServiceExceptionReport (WMS 1.3.0 Annex E.2;
/// 1.1.1 Annex A.3, where InvalidCRS is called InvalidSRS), or for GetMap with EXCEPTIONS=INIMAGE/BLANK an image
/// of the requested size with the message drawn on it, or empty.
/// </summary>
public static class WmsExceptionReport
{
    public const string Xml130 = "text/xml";
    public const string Xml111 = "application/vnd.ogc.se_xml";

    public static async Task WriteAsync(HttpResponse response, WmsException error, string version, ErrorImage? image)
    {
        if (image is not null)
        {
            await WriteImageAsync(response, error, image);
            return;
        }
        bool is130 = version == WmsVersion.V130;
        await XmlResponse.WriteAsync(response, is130 ? Xml130 : Xml111, xml =>
        {
            string? ns = is130 ? "http://www.opengis.net/ogc" : null;
            xml.WriteStartElement("ServiceExceptionReport", ns);
            xml.WriteAttributeString("version", version);
            if (is130)
            {
                xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
                xml.WriteAttributeString("xsi", "schemaLocation", null,
                    "http://www.opengis.net/ogc http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
            }
            xml.WriteStartElement("ServiceException", ns);
            xml.WriteAttributeString("code", !is130 && error.Code == "InvalidCRS" ? "InvalidSRS" : error.Code);
            if (error.Locator is not null) xml.WriteAttributeString("locator", error.Locator);
            xml.WriteString(error.Message);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }, error.Status);
    }

    private static async Task WriteImageAsync(HttpResponse response, WmsException error, ErrorImage image)
    {
        using var canvas = new CairoCanvas(image.Width, image.Height);
        canvas.Clear(image.Background);
        if (image.DrawMessage)
        {
            var font = new FontSpec(Size: 12);
            double y = 16;
            foreach (var line in Wrap(error.Message, Math.Max(10, image.Width / 7)))
            {
                canvas.DrawText(line, 4, y, font, new Rgba(200, 0, 0), Rgba.White, 1.5);
                y += 16;
            }
        }
        await ImageResponse.WriteAsync(response, canvas, image.Format, image.MediaType, default);
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
