namespace GeoServer.Core.Layers;

/// <summary>Who may see a layer: everyone, authenticated state agencies, or only named workspaces and keys.</summary>
public enum AccessLevel { Open, Shared, Restricted }
