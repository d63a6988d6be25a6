namespace GeoServer.Core.Configuration;

/// <summary>A style put through the admin API for a layer of a database workspace: "json" (style JSON) or "sld".</summary>
public sealed record StoredStyle(string Workspace, string Layer, string Name, string Format, string Body);
