using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Data;

namespace GeoServer.Host.Admin;

/// <summary>
/// Whether a workspace definition would publish as written, checked before it is saved so a mistake is a 400 naming
/// the store or layer, not a broken layer later: stores open (their files inside the server's folder), every listed
/// layer is a table or raster of its store and builds as start-up builds it (temporal and queryable columns, CRS),
/// no two stores publish a layer of the same name, and every workspace, key, user and style a layer names exists.
/// </summary>
public static class WorkspaceCheck
{
    private const int MaxText = 20_000;

    /// <summary>
    /// Null when the definition checks out; otherwise the first problem. With <paramref name="onlyStore"/>, only that
    /// store is opened, and the others are taken to publish what they publish now (<paramref name="publishedNow"/>:
    /// store and layer name).
    /// </summary>
    public static async Task<string?> ProblemAsync(string id, WorkspaceOptions workspace, string baseDirectory, WorkspaceReferences references,
        CancellationToken ct, string? onlyStore = null, IEnumerable<(string Store, string Layer)>? publishedNow = null)
    {
        if (workspace.Stores.Count == 0) return "A workspace needs at least one store.";
        if (workspace.Layers.FirstOrDefault(l => !workspace.Stores.ContainsKey(l.Value.Store)) is { Key: not null } orphan)
            return $"Layer '{orphan.Key}' names store '{orphan.Value.Store}', which the workspace does not have.";
        foreach (var (name, layer) in workspace.Layers)
            if (LayerProblem(id, name, layer, references) is { } problem) return problem;
        var publishing = (publishedNow ?? []).Where(p => onlyStore is not null && p.Store != onlyStore && workspace.Stores.ContainsKey(p.Store)).ToList();
        foreach (var (name, options) in workspace.Stores.Where(s => onlyStore is null || s.Key == onlyStore))
        {
            // Files come from the server's own folder tree: an admin API is not a way to read /etc.
            if (options.Path is { } path && (Path.IsPathRooted(path) || path.Split('/', '\\').Contains("..")))
                return $"Store '{name}': Path must be relative to the server's folder, without '..'.";
            var (problem, names) = await StoreProblemAsync(new Workspace(id, workspace.Title ?? id), name, options, workspace, baseDirectory, ct);
            if (problem is not null) return problem;
            publishing.AddRange(names.Select(n => (name, n)));
        }
        if (publishing.GroupBy(p => p.Layer).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return $"Layer '{twice.Key}' would be published by stores {string.Join(" and ", twice.Select(p => $"'{p.Store}'"))}; a workspace's layer names are unique.";
        return null;
    }

    /// <summary>The store's problem, or the names of the layers it would publish.</summary>
    private static async Task<(string? Problem, IReadOnlyList<string> Names)> StoreProblemAsync(Workspace ws, string name, StoreOptions options,
        WorkspaceOptions workspace, string baseDirectory, CancellationToken ct)
    {
        try
        {
            await using var opened = SourceFactory.OpenStore(options, baseDirectory);
            var tables = await opened.OpenFeatureSourcesAsync(ct);
            var rasters = await opened.OpenRasterSourcesAsync(ct);
            var listed = workspace.Layers.Where(l => l.Value.Store == name).ToList();
            foreach (var (layer, layerOptions) in listed)
            {
                try
                {
                    if (rasters.FirstOrDefault(r => r.Info.Name == layer) is { } raster)
                        await LayerBuilder.BuildAsync(ws, raster, options, layerOptions, CrsRegistry.Default, ct);
                    else if (tables.FirstOrDefault(t => t.Info.Name == layer) is { } table)
                        await LayerBuilder.BuildAsync(ws, table, options, layerOptions, CrsRegistry.Default, ct);
                    else
                        return ($"Layer '{layer}': store '{name}' has no table '{layer}'.", []);
                }
                catch (InvalidDataException e)
                {
                    return (e.Message, []);
                }
            }
            // As start-up publishes: every table, or the listed ones; a raster file always.
            var names = (options.AutoPublish ?? listed.Count == 0 ? tables.Select(t => t.Info.Name) : listed.Select(l => l.Key))
                .Concat(rasters.Select(r => r.Info.Name)).Distinct(StringComparer.Ordinal).ToList();
            return (null, names);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ($"Store '{name}' cannot be opened: {ConnectionStrings.Scrubbed(e.Message, options.ConnectionString)}", []);
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
