using GeoServer.Core.Api;

namespace GeoServer.Ogc.Common;

/// <summary>A web link as OGC API Common writes it (RFC 8288 relation, media type, title).</summary>
public sealed record Link(string Href, string Rel, string? Type = null, string? Title = null)
{
    /// <summary>A link contributed by another area through <see cref="IOgcApiExtension"/>.</summary>
    public static Link From(ApiLink link) => new(link.Href, link.Rel, link.Type, link.Title);
}
