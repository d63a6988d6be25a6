namespace GeoServer.Catalog.Metadata;

/// <summary>
/// A link to the resource or a service over it (ISO 19115 CI_OnlineResource). <see cref="Url"/> may be a path from the
/// server's root ("/wms?…"): writers make it absolute with the base URL the request came through, so a record is right
/// behind any proxy or host name.
/// </summary>
/// <param name="Url">Absolute URL, or a path starting with '/' on this server.</param>
/// <param name="Protocol">What the link speaks ("OGC:WMS", "OGC:WMTS", "OGCFeat", "WWW:LINK"; see <see cref="Protocols"/>).</param>
/// <param name="Name">The name the service knows the resource by (the WMS layer name), or null.</param>
/// <param name="Description">What the link gives, or null.</param>
/// <param name="MediaType">The media type of the target, or null.</param>
/// <param name="Function">CI_OnLineFunctionCode: "download", "information", "browseGraphic"…; null for none.</param>
public sealed record OnlineResource(string Url, string Protocol, string? Name = null, string? Description = null,
    string? MediaType = null, string? Function = null)
{
    /// <summary>The URL, absolute: a server path is appended to <paramref name="serverRoot"/> (no trailing slash).</summary>
    public string Resolve(string serverRoot) => Url.StartsWith('/') ? serverRoot + Url : Url;
}
