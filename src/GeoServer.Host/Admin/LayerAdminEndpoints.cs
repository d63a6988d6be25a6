using System.Text.Json.Nodes;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;

namespace GeoServer.Host.Admin;

/// <summary>
/// /admin/api/workspaces/{workspace}/layers[/{layer}]: a workspace's layers in the configuration file's shape
/// (<see cref="LayerOptions"/>: title, abstract, keywords, access level and who else may see a restricted layer,
/// styles, queryables). PUT publishes a table or file of a store as a layer (or replaces its definition), PATCH changes
/// some fields (JSON merge patch), DELETE unpublishes it and drops its stored styles and metadata; these change
/// database workspaces only. A store that published every table keeps doing so when one gets a definition, and keeps
/// publishing the others when one is unpublished.
/// </summary>
public static class LayerAdminEndpoints
{
    public static void MapLayerAdmin(this RouteGroupBuilder admin)
    {
        const string layer = "/workspaces/{workspace}/layers/{layer}";
        admin.MapGet("/workspaces/{workspace}/layers", List).WithTags("Layers").WithSummary("A workspace's layers")
            .Produces<JsonObject>().ProducesProblem(404);
        admin.MapGet(layer, Get).WithTags("Layers").WithSummary("A layer's definition (unset fields are the store's)")
            .Produces<LayerOptions>().ProducesProblem(404);
        admin.MapPut(layer, Put).WithTags("Layers").WithSummary("Publish a table or file of a store as a layer, or replace its definition")
            .Accepts<LayerOptions>("application/json").Produces(201).Produces(204).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        admin.MapPatch(layer, Patch).WithTags("Layers").WithSummary("Change some fields of a layer's definition (JSON merge patch; null resets a field)")
            .Accepts<LayerOptions>(AdminJson.MergePatch, "application/json").Produces(204).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        admin.MapDelete(layer, Delete).WithTags("Layers").WithSummary("Unpublish a layer; its stored styles and metadata go with it")
            .Produces(204).ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> List(string workspace, WorkspaceEdits edits, LayerRegistry registry, CancellationToken ct)
    {
        if (await edits.FindAsync(workspace, ct) is not (var definition, var fromFile)) return Problems.NotFound($"No workspace '{workspace}'.");
        var published = registry.All.Where(l => l.Info.Workspace.Id == workspace).ToDictionary(l => l.Info.Name, StringComparer.Ordinal);
        return Results.Json(new
        {
            layers = published.Keys.Union(definition.Layers.Keys).Order(StringComparer.Ordinal).Select(name => new
            {
                name,
                id = workspace + ":" + name,
                store = definition.Layers.GetValueOrDefault(name)?.Store ?? published.GetValueOrDefault(name)?.Info.Store,
                title = published.GetValueOrDefault(name)?.Info.Title,
                access = published.GetValueOrDefault(name)?.Info.Access.ToString(),
                published = published.ContainsKey(name),
                configured = definition.Layers.ContainsKey(name),
                source = fromFile ? "file" : "database",
            }),
        });
    }

    private static async Task<IResult> Get(string workspace, string layer, WorkspaceEdits edits, LayerRegistry registry, CancellationToken ct)
    {
        if (await edits.FindAsync(workspace, ct) is not (var definition, _)) return Problems.NotFound($"No workspace '{workspace}'.");
        return Entry(definition, registry, workspace, layer) is { } entry
            ? Results.Json(WorkspaceEdits.Document(entry), AdminJson.Options)
            : Problems.NotFound($"Workspace '{workspace}' has no layer '{layer}'.");
    }

    private static async Task<IResult> Put(string workspace, string layer, HttpContext http, WorkspaceEdits edits, LayerRegistry registry, CancellationToken ct)
    {
        var (node, problem) = await AdminJson.ReadAsync(http.Request, ct);
        if (problem is not null) return problem;
        return await edits.EditAsync(http, workspace, current => Replace(workspace, layer, current, registry, Entry(current, registry, workspace, layer), node!), ct);
    }

    private static async Task<IResult> Patch(string workspace, string layer, HttpContext http, WorkspaceEdits edits, LayerRegistry registry, CancellationToken ct)
    {
        var (patch, problem) = await AdminJson.ReadAsync(http.Request, ct, patch: true);
        if (problem is not null) return problem;
        return await edits.EditAsync(http, workspace, current => Entry(current, registry, workspace, layer) is { } entry
            ? Replace(workspace, layer, current, registry, entry, AdminJson.Apply(WorkspaceEdits.Document(entry), patch)!)
            : (null, Problems.NotFound($"Workspace '{workspace}' has no layer '{layer}'; PUT it to publish it.")), ct);
    }

    private static (WorkspaceChange?, IResult?) Replace(string workspace, string layer, WorkspaceOptions current, LayerRegistry registry,
        LayerOptions? previous, JsonNode document)
    {
        var (sent, invalid) = AdminJson.Bind<LayerOptions>(document, "a layer");
        if (invalid is not null) return (null, invalid);
        if (string.IsNullOrEmpty(sent!.Store) && previous?.Store is { Length: > 0 } same)
            sent = AdminJson.Bind<LayerOptions>(With(document, nameof(LayerOptions.Store), same), "a layer").Value!;
        if (!current.Stores.TryGetValue(sent.Store, out var store))
            return (null, Problems.Bad($"Layer '{layer}': Store: workspace '{workspace}' has no store '{sent.Store}'."));

        var stores = new Dictionary<string, StoreOptions>(current.Stores, StringComparer.Ordinal);
        bool listedBefore = current.Layers.Any(l => l.Value.Store == sent.Store);
        var storeNode = WorkspaceEdits.Document(store);
        // A store that published every table because none was listed goes on doing so once this one is.
        if (store.AutoPublish is null) storeNode[nameof(StoreOptions.AutoPublish)] = !listedBefore;
        // A database store limited to listed tables must list this one, or it would not be found.
        if (store.Tables is { } tables && !tables.Contains(layer))
            storeNode[nameof(StoreOptions.Tables)] = new JsonArray([.. tables.Append(layer).Select(t => JsonValue.Create(t))]);
        stores[sent.Store] = Restore(storeNode, store);

        var layers = new Dictionary<string, LayerOptions>(current.Layers, StringComparer.Ordinal) { [layer] = sent };
        bool published = registry.All.Any(l => l.Info.Id == workspace + ":" + layer);
        var next = new WorkspaceOptions { Title = current.Title, Abstract = current.Abstract, Stores = stores, Layers = layers };
        return (new WorkspaceChange(next, published ? "layer.replace" : "layer.publish", workspace + ":" + layer,
            previous is null ? null : WorkspaceEdits.Document(previous).ToJsonString(), WorkspaceEdits.Document(sent).ToJsonString(),
            published ? Results.NoContent() : Results.Created($"/admin/api/workspaces/{workspace}/layers/{layer}", null), CheckStore: sent.Store), null);
    }

    private static Task<IResult> Delete(string workspace, string layer, HttpContext http, WorkspaceEdits edits, LayerRegistry registry,
        IConfigurationStore configuration, CancellationToken ct) =>
        edits.EditAsync(http, workspace, current =>
        {
            var found = registry.All.FirstOrDefault(l => l.Info.Id == workspace + ":" + layer);
            var entry = Entry(current, registry, workspace, layer);
            if (entry is null) return (null, Problems.NotFound($"Workspace '{workspace}' has no layer '{layer}'."));
            if (found?.Raster is not null) return (null, Problems.Conflict($"'{layer}' is the one layer of raster store '{entry.Store}'; delete the store instead."));

            var store = current.Stores[entry.Store];
            var layers = new Dictionary<string, LayerOptions>(current.Layers, StringComparer.Ordinal);
            if (store.AutoPublish ?? !current.Layers.Any(l => l.Value.Store == entry.Store))
                // The store published every table: from now on it lists the ones it keeps.
                foreach (var kept in registry.All.Where(l => l.Info.Workspace.Id == workspace && l.Info.Store == entry.Store && l.Info.Name != layer))
                    layers.TryAdd(kept.Info.Name, new LayerOptions { Store = entry.Store });
            layers.Remove(layer);
            var storeNode = WorkspaceEdits.Document(store);
            storeNode[nameof(StoreOptions.AutoPublish)] = false;
            var stores = new Dictionary<string, StoreOptions>(current.Stores, StringComparer.Ordinal) { [entry.Store] = Restore(storeNode, store) };
            var next = new WorkspaceOptions { Title = current.Title, Abstract = current.Abstract, Stores = stores, Layers = layers };
            return (new WorkspaceChange(next, "layer.unpublish", workspace + ":" + layer,
                WorkspaceEdits.Document(entry).ToJsonString(), null, Results.NoContent(), CheckStore: "", AfterSave: async token =>
                {
                    foreach (var style in (await configuration.ReadStylesAsync(token)).Where(s => s.Workspace == workspace && s.Layer == layer))
                        await configuration.DeleteStyleAsync(workspace, layer, style.Name, token);
                    await configuration.DeleteMetadataAsync(workspace, layer, token);
                }), null);
        }, ct);

    /// <summary>The layer's definition: its entry, or for a table published because the store publishes every table, just its store.</summary>
    private static LayerOptions? Entry(WorkspaceOptions definition, LayerRegistry registry, string workspace, string layer) =>
        definition.Layers.GetValueOrDefault(layer)
        ?? (registry.All.FirstOrDefault(l => l.Info.Id == workspace + ":" + layer)?.Info.Store is { } store ? new LayerOptions { Store = store } : null);

    private static JsonNode With(JsonNode document, string name, string value)
    {
        var copy = document.DeepClone();
        copy[name] = value;
        return copy;
    }

    /// <summary>The edited store definition, with its real connection string (the document shows it masked).</summary>
    private static StoreOptions Restore(JsonObject storeNode, StoreOptions original)
    {
        if (original.ConnectionString is not null) storeNode[nameof(StoreOptions.ConnectionString)] = original.ConnectionString;
        return AdminJson.Bind<StoreOptions>(storeNode, "a store").Value!;
    }
}
