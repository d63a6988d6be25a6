namespace GeoServer.Core.Configuration;

/// <summary>
/// Workspaces published at run time (through the admin API), kept in a database that every node of a cluster
/// shares; each change raises a version number the nodes watch to reload. Workspaces of the configuration file are
/// not in it and cannot be changed through it, but layers imported into them, and the descriptive metadata of their
/// layers' records, are.
/// </summary>
public interface IConfigurationStore
{
    Task<IReadOnlyDictionary<string, WorkspaceOptions>> ReadWorkspacesAsync(CancellationToken ct);

    /// <summary>Raised by every change; compare to know whether to reload.</summary>
    Task<long> VersionAsync(CancellationToken ct);

    /// <summary>Creates or replaces the workspace; returns its previous definition (null when new).</summary>
    Task<WorkspaceOptions?> PutWorkspaceAsync(string id, WorkspaceOptions workspace, CancellationToken ct);

    /// <summary>
    /// Replaces the workspace only if the configuration is still at <paramref name="expectedVersion"/> (read before the
    /// definition was changed), so two admins editing parts of one workspace at once cannot undo each other's change;
    /// false when it moved on (read again and retry).
    /// </summary>
    Task<bool> ReplaceWorkspaceAsync(string id, WorkspaceOptions workspace, long expectedVersion, CancellationToken ct);

    /// <summary>Removes the workspace; returns its definition, or null when there was none.</summary>
    Task<WorkspaceOptions?> DeleteWorkspaceAsync(string id, CancellationToken ct);

    /// <summary>Every stored style, by workspace, layer and name.</summary>
    Task<IReadOnlyList<StoredStyle>> ReadStylesAsync(CancellationToken ct);

    /// <summary>Creates or replaces a style; returns the previous one or null.</summary>
    Task<StoredStyle?> PutStyleAsync(StoredStyle style, CancellationToken ct);

    /// <summary>Removes a style; returns it, or null when there was none.</summary>
    Task<StoredStyle?> DeleteStyleAsync(string workspace, string layer, string name, CancellationToken ct);

    /// <summary>The descriptive metadata of every layer that has some, as put through the admin API.</summary>
    Task<IReadOnlyList<StoredMetadata>> ReadMetadataAsync(CancellationToken ct);

    /// <summary>Creates or replaces a layer's metadata; returns the previous or null.</summary>
    Task<StoredMetadata?> PutMetadataAsync(StoredMetadata metadata, CancellationToken ct);

    /// <summary>Removes a layer's metadata; returns it, or null when there was none.</summary>
    Task<StoredMetadata?> DeleteMetadataAsync(string workspace, string layer, CancellationToken ct);

    /// <summary>The API keys and users put through the admin API (hashes only).</summary>
    Task<SecurityOptions> ReadCredentialsAsync(CancellationToken ct);

    /// <summary>Creates or replaces an API key ("key") or user ("user"); returns whether it existed.</summary>
    Task<bool> PutCredentialAsync(string kind, string name, CredentialOptions credential, CancellationToken ct);

    /// <summary>Removes an API key or user; returns whether there was one.</summary>
    Task<bool> DeleteCredentialAsync(string kind, string name, CancellationToken ct);

    /// <summary>Every imported layer, of every workspace (file or database), by workspace and name.</summary>
    Task<IReadOnlyList<ImportedLayer>> ReadImportsAsync(CancellationToken ct);

    /// <summary>Records an imported layer (or replaces its record); returns the previous record or null.</summary>
    Task<ImportedLayer?> PutImportAsync(ImportedLayer layer, CancellationToken ct);

    /// <summary>Forgets an imported layer; returns its record, or null when there was none.</summary>
    Task<ImportedLayer?> DeleteImportAsync(string workspace, string name, CancellationToken ct);
}
