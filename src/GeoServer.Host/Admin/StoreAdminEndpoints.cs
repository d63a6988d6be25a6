using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;
using GeoServer.Data;
using GeoServer.Host.Startup;

namespace GeoServer.Host.Admin;

/// <summary>
/// /admin/api/workspaces/{workspace}/stores[/{store}]: a workspace's stores one by one, in the configuration file's
/// shape (<see cref="StoreOptions"/>). Listing, reading and testing work for every workspace; PUT and DELETE change
/// database workspaces only. A store put is opened first (a 400 with the store's own message when it cannot be); a
/// store that layers are listed for cannot be deleted. Connection-string passwords never leave the server: answers
/// and the audit log show "***", and a definition sent back with "***" keeps the stored password.
/// </summary>
public static partial class StoreAdminEndpoints
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex StoreName();

    public static void MapStoreAdmin(this RouteGroupBuilder admin)
    {
        const string store = "/workspaces/{workspace}/stores/{store}";
        admin.MapGet("/workspaces/{workspace}/stores", List).WithTags("Stores").WithSummary("A workspace's stores")
            .Produces<JsonObject>().ProducesProblem(404);
        admin.MapGet(store, Get).WithTags("Stores").WithSummary("A store's definition (password masked)")
            .Produces<StoreOptions>().ProducesProblem(404);
        admin.MapPut(store, Put).WithTags("Stores").WithSummary("Create or replace a store of a database workspace; it is opened first")
            .Accepts<StoreOptions>("application/json").Produces(201).Produces(204).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        admin.MapDelete(store, Delete).WithTags("Stores").WithSummary("Delete a store no layer is listed for")
            .Produces(204).ProducesProblem(404).ProducesProblem(409);
        admin.MapPost(store + "/test", Test).WithTags("Stores")
            .WithSummary("Open the store (or the definition sent) and report whether it answers, its tables and the layers it publishes")
            .Accepts<StoreOptions>("application/json").Produces<JsonObject>().ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<IResult> List(string workspace, WorkspaceEdits edits, LayerRegistry registry, CancellationToken ct)
    {
        if (await edits.FindAsync(workspace, ct) is not (var definition, var fromFile)) return Problems.NotFound($"No workspace '{workspace}'.");
        return Results.Json(new
        {
            stores = definition.Stores.Select(s => new
            {
                name = s.Key,
                type = s.Value.Type,
                source = fromFile ? "file" : "database",
                layers = Published(registry, workspace, s.Key),
                definition = WorkspaceEdits.Document(s.Value),
            }),
        });
    }

    private static async Task<IResult> Get(string workspace, string store, WorkspaceEdits edits, CancellationToken ct)
    {
        if (await edits.FindAsync(workspace, ct) is not (var definition, _)) return Problems.NotFound($"No workspace '{workspace}'.");
        return definition.Stores.TryGetValue(store, out var options)
            ? Results.Json(WorkspaceEdits.Document(options), AdminJson.Options)
            : Problems.NotFound($"Workspace '{workspace}' has no store '{store}'.");
    }

    private static async Task<IResult> Put(string workspace, string store, HttpContext http, WorkspaceEdits edits, CancellationToken ct)
    {
        if (!StoreName().IsMatch(store)) return Problems.Bad($"Store name '{store}' must be 1–64 letters, digits, '-' or '_'.");
        var (node, problem) = await AdminJson.ReadAsync(http.Request, ct);
        if (problem is not null) return problem;
        var (sent, invalid) = AdminJson.Bind<StoreOptions>(node!, "a store");
        if (invalid is not null) return invalid;
        return await edits.EditAsync(http, workspace, current =>
        {
            current.Stores.TryGetValue(store, out var previous);
            var next = WithStore(current, store, Restored(sent!, previous));
            var answer = previous is null ? Results.Created($"/admin/api/workspaces/{workspace}/stores/{store}", null) : Results.NoContent();
            return (new WorkspaceChange(next, previous is null ? "store.create" : "store.replace",
                Target(workspace, store), previous is null ? null : WorkspaceEdits.Document(previous).ToJsonString(),
                WorkspaceEdits.Document(next.Stores[store]).ToJsonString(), answer, CheckStore: store), null);
        }, ct);
    }

    private static Task<IResult> Delete(string workspace, string store, HttpContext http, WorkspaceEdits edits, CancellationToken ct) =>
        edits.EditAsync(http, workspace, current =>
        {
            if (!current.Stores.TryGetValue(store, out var previous))
                return (null, Problems.NotFound($"Workspace '{workspace}' has no store '{store}'."));
            if (current.Layers.Where(l => l.Value.Store == store).Select(l => l.Key).ToList() is { Count: > 0 } listed)
                return (null, Problems.Conflict($"Layers {string.Join(", ", listed)} are listed for store '{store}'; delete them first."));
            if (current.Stores.Count == 1)
                return (null, Problems.Conflict($"'{store}' is the workspace's only store; delete the workspace instead."));
            var next = Copy(current, stores => stores.Remove(store));
            return (new WorkspaceChange(next, "store.delete", Target(workspace, store), WorkspaceEdits.Document(previous).ToJsonString(), null,
                Results.NoContent(), CheckStore: ""), null);
        }, ct);

    /// <summary>Opens the sent definition, or the store's own; reachable or not is an answer (200), not an error.</summary>
    private static async Task<IResult> Test(string workspace, string store, HttpContext http, WorkspaceEdits edits, LayerRegistry registry,
        HostPaths paths, CancellationToken ct)
    {
        if (await edits.FindAsync(workspace, ct) is not (var definition, _)) return Problems.NotFound($"No workspace '{workspace}'.");
        definition.Stores.TryGetValue(store, out var options);
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var (node, problem) = await AdminJson.ReadAsync(http.Request, ct);
            if (problem is not null) return problem;
            var (sent, invalid) = AdminJson.Bind<StoreOptions>(node!, "a store");
            if (invalid is not null) return invalid;
            options = Restored(sent!, options);
        }
        if (options is null) return Problems.NotFound($"Workspace '{workspace}' has no store '{store}'; send a definition to test.");
        if (options.Path is { } path && (Path.IsPathRooted(path) || path.Split('/', '\\').Contains("..")) && !IsFilePath(definition, store, path))
            return Problems.Bad($"Store '{store}': Path must be relative to the server's folder, without '..'.");
        try
        {
            await using var opened = SourceFactory.OpenStore(options, paths.BaseDirectory);
            await opened.CheckAsync(ct);
            var tables = (await opened.OpenFeatureSourcesAsync(ct)).Select(t => t.Info.Name)
                .Concat((await opened.OpenRasterSourcesAsync(ct)).Select(r => r.Info.Name)).Order(StringComparer.Ordinal);
            return Results.Json(new { store, reachable = true, tables, layers = Published(registry, workspace, store) });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Results.Json(new { store, reachable = false, error = ConnectionStrings.Scrubbed(e.Message, options.ConnectionString) });
        }
    }

    /// <summary>A path of the configuration file's own store may be anything the file says; a sent one must stay inside.</summary>
    private static bool IsFilePath(WorkspaceOptions definition, string store, string path) =>
        definition.Stores.TryGetValue(store, out var own) && own.Path == path;

    private static IEnumerable<string> Published(LayerRegistry registry, string workspace, string store) =>
        registry.All.Where(l => l.Info.Workspace.Id == workspace && l.Info.Store == store).Select(l => l.Info.Id);

    private static string Target(string workspace, string store) => $"workspace:{workspace}/stores/{store}";

    private static StoreOptions Restored(StoreOptions sent, StoreOptions? previous) =>
        sent.ConnectionString is { } cs && ConnectionStrings.Restored(cs, previous?.ConnectionString) is { } restored && restored != cs
            ? AdminJson.Bind<StoreOptions>(WithConnectionString(sent, restored), "a store").Value!
            : sent;

    private static JsonNode WithConnectionString(StoreOptions store, string connectionString)
    {
        var node = System.Text.Json.JsonSerializer.SerializeToNode(store, AdminJson.Options)!;
        node[nameof(StoreOptions.ConnectionString)] = connectionString;
        return node;
    }

    private static WorkspaceOptions WithStore(WorkspaceOptions workspace, string name, StoreOptions store) =>
        Copy(workspace, stores => stores[name] = store);

    private static WorkspaceOptions Copy(WorkspaceOptions workspace, Action<Dictionary<string, StoreOptions>> change)
    {
        var stores = new Dictionary<string, StoreOptions>(workspace.Stores, StringComparer.Ordinal);
        change(stores);
        return new WorkspaceOptions { Title = workspace.Title, Abstract = workspace.Abstract, Stores = stores, Layers = workspace.Layers };
    }
}
