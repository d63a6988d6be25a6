using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Data;

namespace GeoServer.Host.Admin;

/// <summary>
/// Whether a workspace definition would publish as written, checked before it is saved so a mistake is a 400 naming
/// the store or layer, not a broken layer later: stores open (their files inside the server's folder), every listed
/// layer is a table or raster of its store and builds as start-up builds it (temporal and queryable columns, CRS),
/// and every workspace, key, user and style a layer names exists.
/// </summary>
public static class WorkspaceCheck
{
    private const int MaxText = 20_000;

    /// <summary>Null when the definition checks out; otherwise the first problem. With <paramref name="onlyStore"/>, only that store is opened.</summary>
    public static async Task<string?> ProblemAsync(string id, WorkspaceOptions workspace, string baseDirectory, WorkspaceReferences references,
        CancellationToken ct, string? onlyStore = null)
    {
        if (workspace.Stores.Count == 0) return "A workspace needs at least one store.";
        if (workspace.Layers.FirstOrDefault(l => !workspace.Stores.ContainsKey(l.Value.Store)) is { Key: not null } orphan)
            return $"Layer '{orphan.Key}' names store '{orphan.Value.Store}', which the workspace does not have.";
        foreach (var (name, layer) in workspace.Layers)
            if (LayerProblem(id, name, layer, references) is { } problem) return problem;
        foreach (var (name, options) in workspace.Stores.Where(s => onlyStore is null || s.Key == onlyStore))
        {
            // Files come from the server's own folder tree: an admin API is not a way to read /etc.
            if (options.Path is { } path && (Path.IsPathRooted(path) || path.Split('/', '\\').Contains("..")))
                return $"Store '{name}': Path must be relative to the server's folder, without '..'.";
            if (await StoreProblemAsync(new Workspace(id, workspace.Title ?? id), name, options, workspace, baseDirectory, ct) is { } problem)
                return problem;
        }
        return null;
    }

    private static async Task<string?> StoreProblemAsync(Workspace ws, string name, StoreOptions options, WorkspaceOptions workspace,
        string baseDirectory, CancellationToken ct)
    {
        try
        {
            await using var opened = SourceFactory.OpenStore(options, baseDirectory);
            var tables = await opened.OpenFeatureSourcesAsync(ct);
            var rasters = await opened.OpenRasterSourcesAsync(ct);
            foreach (var (layer, layerOptions) in workspace.Layers.Where(l => l.Value.Store == name))
            {
                try
                {
                    if (rasters.FirstOrDefault(r => r.Info.Name == layer) is { } raster)
                        await LayerBuilder.BuildAsync(ws, raster, options, layerOptions, CrsRegistry.Default, ct);
                    else if (tables.FirstOrDefault(t => t.Info.Name == layer) is { } table)
                        await LayerBuilder.BuildAsync(ws, table, options, layerOptions, CrsRegistry.Default, ct);
                    else
                        return $"Layer '{layer}': store '{name}' has no table '{layer}'.";
                }
                catch (InvalidDataException e)
                {
                    return e.Message;
                }
            }
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"Store '{name}' cannot be opened: {ConnectionStrings.Scrubbed(e.Message, options.ConnectionString)}";
        }
    }

    /// <summary>What can be told of a layer's definition without opening its store.</summary>
    public static string? LayerProblem(string workspace, string name, LayerOptions layer, WorkspaceReferences references)
    {
        string at = $"Layer '{name}'";
        if (name.Length is 0 or > 128 || name.Any(c => c is ':' or '/' or '\\' || char.IsControl(c)))
            return $"{at}: a name is 1–128 characters without ':', '/' or '\\'.";
        if (string.IsNullOrWhiteSpace(layer.Store)) return $"{at}: Store is required.";
        foreach (var (field, value) in new[] { ("Title", layer.Title), ("Abstract", layer.Abstract), ("Attribution", layer.Attribution) })
            if (value is not null && (string.IsNullOrWhiteSpace(value) || value.Length > MaxText))
                return $"{at}: {field} must not be blank or longer than {MaxText} characters (leave it out to keep the store's).";
        if (layer.Keywords?.FirstOrDefault(k => string.IsNullOrWhiteSpace(k) || k.Length > 200) is { } keyword)
            return $"{at}: keyword '{keyword}' must not be blank or longer than 200 characters.";
        bool grants = layer.AllowedWorkspaces is { Count: > 0 } || layer.AllowedKeys is { Count: > 0 } || layer.AllowedUsers is { Count: > 0 };
        if (grants && layer.Access != AccessLevel.Restricted)
            return $"{at}: AllowedWorkspaces, AllowedKeys and AllowedUsers apply to restricted layers only (Access: Restricted).";
        if (layer.AllowedWorkspaces?.FirstOrDefault(w => w != workspace && !references.Workspaces.Contains(w)) is { } unknownWorkspace)
            return $"{at}: AllowedWorkspaces: no workspace '{unknownWorkspace}'.";
        if (layer.AllowedKeys?.FirstOrDefault(k => !references.Keys.Contains(k)) is { } unknownKey)
            return $"{at}: AllowedKeys: no API key '{unknownKey}'.";
        if (layer.AllowedUsers?.FirstOrDefault(u => !references.Users.Contains(u)) is { } unknownUser)
            return $"{at}: AllowedUsers: no user '{unknownUser}'.";
        if (layer.Styles?.FirstOrDefault(s => !references.Styles.Any(x => x.Workspace == workspace && x.Layer == name && x.Name == s)) is { } style)
            return $"{at}: Styles: no stored style '{style}'; put it at /admin/api/workspaces/{workspace}/layers/{name}/styles/{style} first.";
        if (layer.Queryables is { } queryables && queryables.Distinct(StringComparer.Ordinal).Count() != queryables.Count)
            return $"{at}: Queryables lists a property twice.";
        return null;
    }
}
