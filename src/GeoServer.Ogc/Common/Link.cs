namespace GeoServer.Ogc.Common;

/// <summary>A web link as OGC API Common writes it (RFC 8288 relation, media type, title).</summary>
public sealed record Link(string Href, string Rel, string? Type = null, string? Title = null);
