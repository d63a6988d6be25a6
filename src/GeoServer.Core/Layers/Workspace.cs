namespace GeoServer.Core.Layers;

/// <summary>A publisher's space (the ministry, an agency, a province) that owns stores and layers.</summary>
public sealed record Workspace(string Id, string Title, string? Abstract = null);
