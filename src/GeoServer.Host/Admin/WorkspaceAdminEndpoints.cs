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
        admin.MapGet("/workspaces", List).WithTags("Workspaces").WithSummary("Every workspace, of the file and of the database");
        admin.MapPut("/workspaces/{id}", Put).WithTags("Workspaces").WithSummary("Create or replace a database workspace (stores and layers); checked first")
            .Accepts<WorkspaceOptions>("application/json").Produces(201).Produces(204).ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);
        admin.MapDelete("/workspaces/{id}", Delete).WithTags("Workspaces").WithSummary("Delete a database workspace, its styles and metadata")
            .Produces(204).ProducesProblem(404);
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
        IAuditLog audit, HostPaths paths, WorkspaceEdits edits, CancellationToken ct)
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
        // Refused callers first: checking a definition opens its stores, which must not be done on their behalf.
        if (!http.User.IsInRole(Roles.Admin) && !(await store.ReadWorkspacesAsync(ct)).ContainsKey(id))
            return Results.Problem(statusCode: 403, title: "Forbidden", detail: "Only global admins create workspaces.");
        if (await WorkspaceCheck.ProblemAsync(id, workspace, paths.BaseDirectory, await edits.ReferencesAsync(ct), ct) is { } problem) return Bad(problem);

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

    /// <summary>The definition for the audit log, without connection-string passwords.</summary>
    private static string Redacted(WorkspaceOptions workspace) => WorkspaceEdits.Document(workspace).ToJsonString();

    private static IResult Bad(string detail) => Results.Problem(statusCode: 400, title: "Bad Request", detail: detail);
}
