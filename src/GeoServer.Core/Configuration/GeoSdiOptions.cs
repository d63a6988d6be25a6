namespace GeoServer.Core.Configuration;

/// <summary>The whole server configuration: one JSON or YAML file, or the embedded default.</summary>
public sealed class GeoSdiOptions
{
    public ServerOptions Server { get; init; } = new();

    public WmsOptions Wms { get; init; } = new();

    public TilesOptions Tiles { get; init; } = new();

    public SecurityOptions Security { get; init; } = new();

    public DownloadOptions Downloads { get; init; } = new();
    public ImportOptions Import { get; init; } = new();

    /// <summary>Workspaces by id.</summary>
    public Dictionary<string, WorkspaceOptions> Workspaces { get; init; } = new(StringComparer.Ordinal);
}
