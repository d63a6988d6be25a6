using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// An XML response written as it is made: the writer fills a buffer that is sent asynchronously whenever it passes
/// 32 KiB (<see cref="FlushIfFullAsync"/>, called between records), so a page of a thousand ISO records never sits in
/// memory whole. The writer itself is synchronous because ASP.NET Core forbids synchronous writes to the response and
/// XmlWriter's async API would double every line; only the buffer's copies touch the network.
/// </summary>
public sealed class XmlOutput : IAsyncDisposable
{
    private const int ChunkBytes = 32 * 1024;
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true };

    private readonly HttpResponse _response;
    private readonly MemoryStream _buffer = new();

    public XmlOutput(HttpResponse response, int status = StatusCodes.Status200OK, string contentType = CswNames.XmlMediaType)
    {
        _response = response;
        response.StatusCode = status;
        response.ContentType = contentType + "; charset=utf-8";
        Xml = XmlWriter.Create(_buffer, Settings);
        Xml.WriteStartDocument();
    }

    public XmlWriter Xml { get; }

    /// <summary>Sends what is written so far when it fills a chunk.</summary>
    public async Task FlushIfFullAsync(CancellationToken ct)
    {
        Xml.Flush();
        if (_buffer.Length >= ChunkBytes) await SendAsync(ct);
    }

    /// <summary>Ends the document and sends the rest.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        Xml.WriteEndDocument();
        Xml.Flush();
        await SendAsync(ct);
    }

    private async Task SendAsync(CancellationToken ct)
    {
        await _response.Body.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), ct);
        _buffer.SetLength(0);
    }

    public ValueTask DisposeAsync()
    {
        Xml.Dispose();
        return _buffer.DisposeAsync();
    }
}
