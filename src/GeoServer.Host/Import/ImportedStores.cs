using GeoServer.Core.Configuration;

namespace GeoServer.Host.Import;

/// <summary>
/// Imported layers as stores the layer catalog opens. Each imported GeoPackage or COG is a store of its own
/// ("import:{layer}"); the PostGIS tables imported into one of a workspace's stores are one more store on the same
/// database listing exactly those tables ("import:{store}"), its connection taken from the workspace's store when the
/// catalog is built (so a password set in an environment variable stays there). A workspace of the configuration
/// file appears here with only its imports: the file's own stores stay as opened at start.
/// </summary>
public static class ImportedStores
{
    public const string Prefix = "import:";

    /// <summary>
    /// The database's workspaces (those the file does not define), plus, for each workspace with imports, their
    /// stores; imports of a workspace that no longer exists, or of a store it no longer has, are left out.
    /// </summary>
    public static Dictionary<string, WorkspaceOptions> Merge(IReadOnlyDictionary<string, WorkspaceOptions> file,
        IReadOnlyDictionary<string, WorkspaceOptions> database, IReadOnlyList<ImportedLayer> imports)
    {
        var merged = database.Where(w => !file.ContainsKey(w.Key)).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
        foreach (var group in imports.GroupBy(i => i.Workspace))
        {
            WorkspaceOptions? owner = file.GetValueOrDefault(group.Key) ?? merged.GetValueOrDefault(group.Key);
            if (owner is null) continue;
            bool fromFile = file.ContainsKey(group.Key);
            var stores = fromFile ? new Dictionary<string, StoreOptions>(StringComparer.Ordinal) : new Dictionary<string, StoreOptions>(owner.Stores, StringComparer.Ordinal);
            foreach (var layer in group)
            {
                if (layer.Path is { } path)
                    stores[Prefix + layer.Name] = new StoreOptions { Type = layer.Type, Path = path, Access = layer.Access };
                else if (layer.Store is { } name && layer.Table is { } table && owner.Stores.GetValueOrDefault(name) is { } source)
                {
                    var key = Prefix + name + (layer.Access == default ? "" : ":" + layer.Access.ToString().ToLowerInvariant());
                    var tables = stores.TryGetValue(key, out var existing) ? existing.Tables! : [];
                    stores[key] = new StoreOptions
                    {
                        Type = "postgis",
                        ConnectionString = source.ConnectionString,
                        StatementTimeoutSeconds = source.StatementTimeoutSeconds,
                        ListenForChanges = source.ListenForChanges,
                        Attribution = source.Attribution,
                        Access = layer.Access,
                        Tables = [.. tables, table],
                    };
                }
            }
            merged[group.Key] = new WorkspaceOptions
            {
                Title = owner.Title,
                Abstract = owner.Abstract,
                Stores = stores,
                Layers = fromFile ? new Dictionary<string, LayerOptions>(StringComparer.Ordinal) : owner.Layers,
            };
        }
        return merged;
    }
}
