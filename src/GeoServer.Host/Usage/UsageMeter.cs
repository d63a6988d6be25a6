using System.Collections.Concurrent;
using System.IO.Pipelines;
using GeoServer.Core.Usage;
using Microsoft.AspNetCore.Http.Features;

namespace GeoServer.Host.Usage;

/// <summary>
/// Counts every request by hour, caller, workspace, layer and service: requests, features (as the services report
/// them in <see cref="RequestUsage"/>) and response bytes (counted as they are written). Counts add up in memory
/// and <see cref="UsageFlusher"/> moves them to the store every few seconds, so metering costs a dictionary update
/// per request, not a database write.
/// </summary>
public sealed class UsageMeter
{
    private ConcurrentDictionary<UsageKey, Counter> _counts = new();

    /// <summary>The counts since the last call, which start again from zero.</summary>
    public IReadOnlyCollection<KeyValuePair<UsageKey, UsageCounts>> TakeCounts()
    {
        var taken = Interlocked.Exchange(ref _counts, new ConcurrentDictionary<UsageKey, Counter>());
        return taken.Select(e => KeyValuePair.Create(e.Key, new UsageCounts(e.Value.Requests, e.Value.Features, e.Value.Bytes))).ToList();
    }

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        // The path is final here (workspace endpoints have moved their prefix into the path base already).
        var (service, workspace) = ServiceOf(http.Request);
        if (service is null)
        {
            await next(http);
            return;
        }
        var usage = new RequestUsage();
        http.Features.Set(usage);
        var body = http.Features.Get<IHttpResponseBodyFeature>()!;
        var counting = new CountingBody(body);
        http.Features.Set<IHttpResponseBodyFeature>(counting);
        try
        {
            await next(http);
        }
        finally
        {
            http.Features.Set(body);
            Record(http, service, workspace, usage.Features, counting.Bytes);
        }
    }

    private void Record(HttpContext http, string service, string? workspace, long features, long bytes)
    {
        string caller = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name ?? "?" : "anonymous";
        var hour = DateTime.UtcNow;
        hour = new DateTime(hour.Year, hour.Month, hour.Day, hour.Hour, 0, 0, DateTimeKind.Utc);
        var layers = LayersOf(http);
        for (int i = 0; i < layers.Count; i++)
        {
            string layer = layers[i];
            string ws = workspace ?? (layer.IndexOf(':') is > 0 and var colon ? layer[..colon] : "");
            var counter = _counts.GetOrAdd(new UsageKey(hour, caller, ws, layer, service), _ => new Counter());
            Interlocked.Increment(ref counter.Requests);
            // Features and bytes belong to the request once, not to each layer it named.
            if (i == 0)
            {
                Interlocked.Add(ref counter.Features, features);
                Interlocked.Add(ref counter.Bytes, bytes);
            }
        }
    }

    private static readonly string[] RouteNames = ["collectionId", "tileset", "layer"];
    private static readonly string[] NoLayer = [""];

    /// <summary>
    /// /ogc → ogcapi, /wms, /wmts, /tiles, /csw, /admin; a workspace endpoint (/ws/{workspace}/…, moved into the
    /// path base, or still in the path for WMS and CSW) names the workspace too. Read without splitting: this runs
    /// on every request, cache hits included.
    /// </summary>
    private static (string? Service, string? Workspace) ServiceOf(HttpRequest request)
    {
        ReadOnlySpan<char> path = request.Path.Value, workspace = default;
        if (request.PathBase.Value is { Length: > 0 } pathBase) SplitWorkspace(pathBase, out workspace, out _);
        if (workspace.IsEmpty && path.StartsWith("/ws/")) SplitWorkspace(path, out workspace, out path);
        var first = path.Length > 1 ? path[1..] : default;
        if (first.IndexOf('/') is >= 0 and var slash) first = first[..slash];
        string? service = first switch
        {
            "ogc" => "ogcapi",
            "wms" => "wms",
            "wmts" => "wmts",
            "tiles" => "tiles",
            "csw" => "csw",
            "admin" => "admin",
            _ => null,
        };
        return (service, service is null || workspace.IsEmpty ? null : workspace.ToString());
    }

    /// <summary>"/ws/{workspace}/rest" → (workspace, "/rest"); anything else → (empty, the path).</summary>
    private static void SplitWorkspace(ReadOnlySpan<char> path, out ReadOnlySpan<char> workspace, out ReadOnlySpan<char> rest)
    {
        workspace = default;
        rest = path;
        if (!path.StartsWith("/ws/")) return;
        var after = path[4..];
        int slash = after.IndexOf('/');
        workspace = slash < 0 ? after : after[..slash];
        rest = slash < 0 ? default : after[slash..];
    }

    /// <summary>The layers a request named: a collection, a tileset, or WMS/WMTS LAYERS/LAYER; "" for none.</summary>
    private static IReadOnlyList<string> LayersOf(HttpContext http)
    {
        foreach (var name in RouteNames)
            if (http.GetRouteValue(name) is string value && value.Length > 0) return [value];
        if (http.Request.QueryString.HasValue)
            foreach (var (key, value) in http.Request.Query)
                if (key.Equals("layers", StringComparison.OrdinalIgnoreCase) || key.Equals("layer", StringComparison.OrdinalIgnoreCase))
                    return value.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(16).ToArray() is { Length: > 0 } named ? named : NoLayer;
        return NoLayer;
    }

    private sealed class Counter
    {
        public long Requests, Features, Bytes;
    }

    /// <summary>The response body, counting the bytes written through either the stream or the pipe.</summary>
    private sealed class CountingBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
    {
        private long _bytes;
        private PipeWriter? _writer;
        private Stream? _stream;

        public long Bytes => Interlocked.Read(ref _bytes);

        public Stream Stream => _stream ??= new CountingStream(inner.Stream, this);

        public PipeWriter Writer => _writer ??= new CountingWriter(inner.Writer, this);

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task CompleteAsync() => inner.CompleteAsync();

        public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            await inner.SendFileAsync(path, offset, count, cancellationToken);
            Add(count ?? new FileInfo(path).Length - offset);
        }

        internal void Add(long n) => Interlocked.Add(ref _bytes, n);
    }

    private sealed class CountingWriter(PipeWriter inner, CountingBody body) : PipeWriter
    {
        public override void Advance(int bytes)
        {
            body.Add(bytes);
            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);
        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);
        public override void CancelPendingFlush() => inner.CancelPendingFlush();
        public override void Complete(Exception? exception = null) => inner.Complete(exception);
        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);
        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;
        public override long UnflushedBytes => inner.UnflushedBytes;
    }

    private sealed class CountingStream(Stream inner, CountingBody body) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            body.Add(count);
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            body.Add(buffer.Length);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
