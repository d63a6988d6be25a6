using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// Reads a request body as XML safely: a size limit before parsing, no DTD (so no entity expansion, internal or
/// external: XXE and "billion laughs" are refused, not defused), no resolver (nothing is ever fetched).
/// </summary>
public static class SafeXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        Async = true,
    };

    /// <summary>The body as a document; a <see cref="CswException"/> when too large, not well-formed or holding a DTD.</summary>
    public static async Task<XDocument> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        return await ReadAsync(request.Body, maxBytes, ct);
    }

    /// <summary>A stream (a harvested answer) as a document, within the size limit.</summary>
    public static async Task<XDocument> ReadAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (body.Length + read > maxBytes) throw TooLarge(maxBytes);
            body.Write(chunk, 0, read);
        }
        body.Position = 0;
        return Parse(body);
    }

    /// <summary>Parses XML with the safe settings.</summary>
    public static XDocument Parse(Stream xml)
    {
        try
        {
            using var reader = XmlReader.Create(xml, Settings);
            return XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw CswException.BadXml(e.Message);
        }
    }

    private static CswException TooLarge(long maxBytes) =>
        new(CswNames.NoApplicableCode, $"The request body is larger than the limit of {maxBytes} bytes.", "request", StatusCodes.Status413PayloadTooLarge);
}
