using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;
using GeoServer.Catalog.Csw;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Catalog.Harvest;

/// <summary>
/// Fetches harvested documents without letting a URL reach what it should not (SSRF): http and https only; the host
/// is resolved when the connection is made and refused when any of its addresses is not public
/// (<see cref="HarvestAddresses"/>) unless allowed (<see cref="HarvestAllowList"/>), and the connection goes to the
/// address just checked, so a name that resolves differently a moment later (DNS rebinding) changes nothing. Redirects
/// are followed here, each checked again, at most <see cref="MaxRedirects"/>; no proxy; answers are capped in size
/// and time. One client per harvest run.
/// </summary>
public sealed class HarvestClient : IDisposable
{
    public const int MaxRedirects = 5;
    private readonly HttpClient _http;
    private readonly HarvestAllowList _allowed;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly TimeSpan _timeout;
    private readonly long _maxBytes;

    /// <param name="resolve">Name resolution (the system's DNS by default; tests give their own).</param>
    public HarvestClient(CatalogOptions options, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        _allowed = new HarvestAllowList(options.HarvestAllowedHosts);
        _resolve = resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));
        _timeout = TimeSpan.FromSeconds(Math.Max(1, options.HarvestTimeoutSeconds));
        _maxBytes = options.MaxHarvestBytes;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = ConnectAsync,
        }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// The XML document at <paramref name="url"/>, read with the safe XML settings. A <see cref="CswException"/> when
    /// the URL or a redirect is refused (400, naming the reason), the source fails (502) or is too slow (504), or the
    /// answer is too large (413).
    /// </summary>
    public async Task<XDocument> GetXmlAsync(string url, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        try
        {
            var current = Checked(url, url);
            for (int redirects = 0; ; redirects++)
            {
                using var response = await _http.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308)
                {
                    if (redirects == MaxRedirects) throw new HarvestRefused($"{url} redirects more than {MaxRedirects} times.");
                    var location = response.Headers.Location ?? throw Failed($"{current} redirects without a Location.");
                    current = Checked(new Uri(current, location).ToString(), url);
                    continue;
                }
                if (!response.IsSuccessStatusCode) throw Failed($"The source answered {(int)response.StatusCode}.");
                if (response.Content.Headers.ContentLength > _maxBytes) throw TooLarge();
                await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
                return await SafeXml.ReadAsync(stream, _maxBytes, timeout.Token);
            }
        }
        catch (HarvestRefused e)
        {
            throw Refused(e.Message);
        }
        catch (HttpRequestException e) when (RefusalIn(e) is { } refused)
        {
            throw Refused(refused.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CswException(CswNames.NoApplicableCode, $"Source: {url} did not answer within {_timeout.TotalSeconds:0} s.", "Source", StatusCodes.Status504GatewayTimeout);
        }
        catch (CswException e) when (e.Status == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
    }

    private CswException TooLarge() =>
        new(CswNames.NoApplicableCode, $"Source: the answer is larger than the limit of {_maxBytes} bytes (Catalog:MaxHarvestBytes).", "Source", StatusCodes.Status413PayloadTooLarge);

    private static CswException Refused(string reason) => CswException.Invalid("Source", reason);

    private static CswException Failed(string message) => new(CswNames.NoApplicableCode, message, "Source", StatusCodes.Status502BadGateway);

    /// <summary>The absolute http(s) URL; a refusal naming <paramref name="asked"/> when it is anything else.</summary>
    private static Uri Checked(string url, string asked)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw new HarvestRefused($"'{url}' is not an absolute URL.");
        if (uri.Scheme is not ("http" or "https"))
            throw new HarvestRefused(url == asked
                ? $"'{url}' is refused: only http and https URLs are harvested, not {uri.Scheme}."
                : $"{asked} redirects to '{url}', which is refused: only http and https URLs are harvested, not {uri.Scheme}.");
        return uri;
    }

    /// <summary>Resolves the host now, refuses it unless every address may be reached, and connects to a checked address.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        string host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await _resolve(host, ct);
        if (addresses.Length == 0) throw new HarvestRefused($"{host} has no address.");
        if (!_allowed.AllowsHost(host))
            foreach (var address in addresses)
                if (!_allowed.AllowsAddress(address) && HarvestAddresses.Refusal(address) is { } reason)
                    throw new HarvestRefused((literal is null ? $"{host} resolves to {address}, " : $"{host} is ") +
                        $"{reason}, which is not harvested unless Catalog:HarvestAllowedHosts allows it.");
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    private static HarvestRefused? RefusalIn(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is HarvestRefused refused) return refused;
        return null;
    }

    public void Dispose() => _http.Dispose();
}
