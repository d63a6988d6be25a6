using System.Text.Json;
using System.Text.RegularExpressions;
using GeoServer.Core.Audit;
using GeoServer.Core.Configuration;
using GeoServer.Core.Security;
using GeoServer.Data;
using GeoServer.Host.Import;
using GeoServer.Host.Startup;

namespace GeoServer.Host.Admin;

/// <summary>
/// /admin/api/workspaces: publish a workspace (its stores and layers) while the server runs. A PUT is checked
/// before it is saved: every store is opened and every listed table found, so a typo is a 400 naming the store,
/// not a broken layer later. Saved to the configuration database, audited, and served by this node when the
/// response arrives (by the other nodes within seconds). Workspaces of the configuration file are read-only here.
/// </summary>
public static partial class WorkspaceAdminEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex WorkspaceId();

    public static void MapWorkspaceAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/workspaces", List);
        admin.MapPut("/workspaces/{id}", Put);
        admin.MapDelete("/workspaces/{id}", Delete);
    }

    private static async Task<IResult> List(GeoSdiOptions file, IConfigurationStore store, CancellationToken ct)
    {
        var database = await store.ReadWorkspacesAsync(ct);
        return Results.Json(new
        {
            workspaces = file.Workspaces.Select(w => new { id = w.Key, title = w.Value.Title, source = "file", stores = w.Value.Stores.Keys, layers = w.Value.Layers.Keys })
                .Concat(database.Select(w => new { id = w.Key, title = w.Value.Title, source = "database", stores = w.Value.Stores.Keys, layers = w.Value.Layers.Keys })),
        });
    }

    private static async Task<IResult> Put(string id, HttpContext http, GeoSdiOptions file, IConfigurationStore store, ConfigurationReloader reloader,
        IAuditLog audit, HostPaths paths, CancellationToken ct)
    {
        if (!WorkspaceId().IsMatch(id)) return Bad($"Workspace id '{id}' must be 1–64 lower-case letters, digits, '-' or '_'.");
        if (file.Workspaces.ContainsKey(id)) return Results.Problem(statusCode: 409, title: "Conflict", detail: $"Workspace '{id}' comes from the configuration file; change it there.");
        WorkspaceOptions? workspace;
        try
        {
            workspace = await JsonSerializer.DeserializeAsync<WorkspaceOptions>(http.Request.Body, Json, ct);
        }
        catch (JsonException e)
        {
            return Bad("The body is not a workspace definition: " + e.Message);
        }
        if (workspace is null) return Bad("The body is empty.");
        if (await CheckAsync(workspace, paths.BaseDirectory, ct) is { } problem) return Bad(problem);
        if (!http.User.IsInRole(Roles.Admin) && !(await store.ReadWorkspacesAsync(ct)).ContainsKey(id))
            return Results.Problem(statusCode: 403, title: "Forbidden", detail: "Only global admins create workspaces.");

        var previous = await store.PutWorkspaceAsync(id, workspace, CancellationToken.None);
        await audit.AppendAsync([new AuditEntry(DateTimeOffset.UtcNow, http.User.Identity?.Name ?? "?", previous is null ? "workspace.create" : "workspace.replace",
            "workspace:" + id, previous is null ? null : Redacted(previous), Redacted(workspace))], CancellationToken.None);
        await reloader.ReloadAsync(force: true, CancellationToken.None);
        return previous is null ? Results.Created($"/admin/api/workspaces/{id}", null) : Results.NoContent();
    }

    private static async Task<IResult> Delete(string id, HttpContext http, IConfigurationStore store, ConfigurationReloader reloader, IAuditLog audit,
        LayerImporter importer)
    {
        var imports = await importer.ListAsync(id, CancellationToken.None);
        var previous = await store.DeleteWorkspaceAsync(id, CancellationToken.None);
        if (previous is null) return Results.Problem(statusCode: 404, title: "Not Found", detail: $"No database workspace '{id}'.");
        await audit.AppendAsync([new AuditEntry(DateTimeOffset.UtcNow, http.User.Identity?.Name ?? "?", "workspace.delete", "workspace:" + id, Redacted(previous), null)],
            CancellationToken.None);
        await reloader.ReloadAsync(force: true, CancellationToken.None);
        // The workspace's imports went with it (same transaction); their files and tables go once no layer reads them.
        foreach (var layer in imports) await importer.RemoveDataAsync(layer, previous, CancellationToken.None);
        return Results.NoContent();
    }

    /// <summary>Null when every store opens and every layer names a store and a table it has; otherwise the problem.</summary>
    private static async Task<string?> CheckAsync(WorkspaceOptions workspace, string baseDirectory, CancellationToken ct)
    {
        if (workspace.Stores.Count == 0) return "A workspace needs at least one store.";
        foreach (var (name, options) in workspace.Stores)
        {
            // Files come from the server's own folder tree: an admin API is not a way to read /etc.
            if (options.Path is { } path && (Path.IsPathRooted(path) || path.Split('/', '\\').Contains("..")))
                return $"Store '{name}': Path must be relative to the server's folder, without '..'.";
            try
            {
                await using var opened = SourceFactory.OpenStore(options, baseDirectory);
                var tables = (await opened.OpenFeatureSourcesAsync(ct)).Select(s => s.Info.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var (layer, layerOptions) in workspace.Layers.Where(l => l.Value.Store == name))
                    if (!tables.Contains(layer)) return $"Layer '{layer}': store '{name}' has no table '{layer}'.";
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return $"Store '{name}' cannot be opened: {e.Message}";
            }
        }
        if (workspace.Layers.FirstOrDefault(l => !workspace.Stores.ContainsKey(l.Value.Store)) is { Key: not null } orphan)
            return $"Layer '{orphan.Key}' names store '{orphan.Value.Store}', which the workspace does not have.";
        return null;
    }

    /// <summary>The definition for the audit log, without connection-string passwords.</summary>
    private static string Redacted(WorkspaceOptions workspace)
    {
        var node = JsonSerializer.SerializeToNode(workspace)!;
        foreach (var store in node["Stores"]!.AsObject())
            if (store.Value?["ConnectionString"] is { } cs)
                store.Value["ConnectionString"] = Regex.Replace(cs.GetValue<string>(), "(?i)(password|pwd)=[^;]*", "$1=***");
        return node.ToJsonString();
    }

    private static IResult Bad(string detail) => Results.Problem(statusCode: 400, title: "Bad Request", detail: detail);
}
