namespace GeoServer.Core.Configuration;

public sealed class WorkspaceOptions
{
    public string? Title { get; init; }
    public string? Abstract { get; init; }

    /// <summary>Stores by name, unique within the workspace.</summary>
    public Dictionary<string, StoreOptions> Stores { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Layers by name (published as "workspace:name"). A store none of whose tables is listed publishes every
    /// table it has; an entry for an auto-published table only overrides its metadata.
    /// </summary>
    public Dictionary<string, LayerOptions> Layers { get; init; } = new(StringComparer.Ordinal);
}
