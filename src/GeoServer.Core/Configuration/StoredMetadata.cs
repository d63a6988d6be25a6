namespace GeoServer.Core.Configuration;

/// <summary>
/// A layer's descriptive metadata put through the admin API: a JSON document the catalog reads (its record's fields
/// in the configuration file's shape); kept as text so the configuration store need not know the catalog's model.
/// </summary>
public sealed record StoredMetadata(string Workspace, string Layer, string Body);
