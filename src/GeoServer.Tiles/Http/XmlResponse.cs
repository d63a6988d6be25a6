using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Http;

/// <summary>
/// Writes an XML body. The document is built in memory with the synchronous XmlWriter API (capabilities and
/// reports are small and bounded by the number of layers) and sent in one asynchronous copy, because ASP.NET
/// Core forbids synchronous writes to the response.
/// </summary>
public static class XmlResponse
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true };

    public static async Task WriteAsync(HttpResponse response, string contentType, Action<XmlWriter> write, int status = 200,
        CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }
        response.StatusCode = status;
        response.ContentType = contentType + "; charset=utf-8";
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, ct);
    }
}
