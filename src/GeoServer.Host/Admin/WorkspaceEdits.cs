using System.Text.Json;
using System.Text.Json.Nodes;
using GeoServer.Core.Audit;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;
using GeoServer.Host.Security;
using GeoServer.Host.Startup;

namespace GeoServer.Host.Admin;

/// <summary>
/// Reads and changes workspace definitions for the admin API's sub-resources (stores, layers): a change is made on
/// the definition as read, checked, saved only if nobody changed the configuration meanwhile (else a 409 to retry),
/// audited, and in force on this node when the answer goes out (on the others within seconds). Edits on one node run
/// one at a time, so they never conflict with each other.
/// </summary>
public sealed class WorkspaceEdits(GeoSdiOptions file, IConfigurationStore store, ConfigurationReloader reloader, IAuditLog audit,
    HostPaths paths, Credentials credentials, LayerRegistry registry)
{
    private readonly SemaphoreSlim _editing = new(1, 1);

    /// <summary>The definition of a workspace from the file or the database, and which; null when there is none.</summary>
    public async Task<(WorkspaceOptions Workspace, bool FromFile)?> FindAsync(string id, CancellationToken ct) =>
        file.Workspaces.TryGetValue(id, out var fromFile) ? (fromFile, true)
        : (await store.ReadWorkspacesAsync(ct)).TryGetValue(id, out var stored) ? (stored, false)
        : null;

    /// <summary>What layers may name: every workspace, key and user (of the file and the database), every stored style.</summary>
    public async Task<WorkspaceReferences> ReferencesAsync(CancellationToken ct)
    {
        var stored = await store.ReadCredentialsAsync(ct);
        return new WorkspaceReferences(
            registry.Workspaces.Select(w => w.Id).ToHashSet(StringComparer.Ordinal),
            credentials.File.ApiKeys.Keys.Concat(stored.ApiKeys.Keys).ToHashSet(StringComparer.Ordinal),
            credentials.File.Users.Keys.Concat(stored.Users.Keys).ToHashSet(StringComparer.Ordinal),
            await store.ReadStylesAsync(ct));
    }

    /// <summary>
    /// Applies <paramref name="change"/> to database workspace <paramref name="id"/>: 404 when there is none, 409 for a
    /// workspace of the configuration file, the change's own problem, a 400 when the result does not check out.
    /// </summary>
    public async Task<IResult> EditAsync(HttpContext http, string id, Func<WorkspaceOptions, (WorkspaceChange? Change, IResult? Problem)> change,
        CancellationToken ct)
    {
        if (file.Workspaces.ContainsKey(id))
            return Problems.Conflict($"Workspace '{id}' comes from the configuration file; change it there.");
        await _editing.WaitAsync(ct);
        try
        {
            long version = await store.VersionAsync(ct);
            if (!(await store.ReadWorkspacesAsync(ct)).TryGetValue(id, out var current))
                return Problems.NotFound($"No workspace '{id}'.");
            var (made, problem) = change(current);
            if (problem is not null) return problem;
            var publishedNow = registry.All.Where(l => l.Info.Workspace.Id == id && l.Info.Store is not null).Select(l => (l.Info.Store!, l.Info.Name));
            if (await WorkspaceCheck.ProblemAsync(id, made!.Next, paths.BaseDirectory, await ReferencesAsync(ct), ct, made.CheckStore, publishedNow) is { } invalid)
                return Problems.Bad(invalid);
            if (!await store.ReplaceWorkspaceAsync(id, made.Next, version, CancellationToken.None))
                return Problems.Conflict($"Workspace '{id}' changed while this request was checked; read it again and retry.");
            if (made.AfterSave is { } after) await after(CancellationToken.None);
            await AuditAsync(http, made.Action, made.Target, made.Before, made.After);
            await reloader.ReloadAsync(force: true, CancellationToken.None);
            return made.Answer;
        }
        finally
        {
            _editing.Release();
        }
    }

    public Task AuditAsync(HttpContext http, string action, string target, string? before, string? after) =>
        audit.AppendAsync([new AuditEntry(DateTimeOffset.UtcNow, http.User.Identity?.Name ?? "?", action, target, before, after)], CancellationToken.None);

    /// <summary>A definition as JSON for answers and the audit log: connection-string passwords masked, unset fields left out.</summary>
    public static JsonObject Document<T>(T definition)
    {
        var node = JsonSerializer.SerializeToNode(definition, AdminJson.Options)!.AsObject();
        MaskPasswords(node);
        return node;
    }

    private static void MaskPasswords(JsonNode? node)
    {
        if (node is JsonArray array) foreach (var item in array) MaskPasswords(item);
        if (node is not JsonObject o) return;
        foreach (var (name, value) in o.ToList())
            if (name == nameof(StoreOptions.ConnectionString) && value is JsonValue v && v.TryGetValue<string>(out var cs)) o[name] = ConnectionStrings.Masked(cs);
            else MaskPasswords(value);
    }
}
