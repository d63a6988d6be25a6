namespace GeoServer.Core.Api;

/// <summary>
/// A web link that an area contributes to a document of another area (RFC 8288 relation, media type, title), kept
/// free of any protocol type so that Core can carry it between protocol projects.
/// </summary>
/// <param name="Href">Absolute URL of the target.</param>
/// <param name="Rel">Link relation: a registered name ("self") or a URI ("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector").</param>
/// <param name="Type">Media type of the target.</param>
/// <param name="Title">Human-readable label, or null.</param>
public sealed record ApiLink(string Href, string Rel, string Type, string? Title = null);
