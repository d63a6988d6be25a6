using System.Text.Json;
using System.Text.RegularExpressions;
using GeoServer.Core.Audit;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;
using GeoServer.Core.Security;
using GeoServer.Host.Security;
using GeoServer.Host.Startup;

namespace GeoServer.Host.Admin;

/// <summary>
/// /admin/api/keys and /admin/api/users: API keys are made by the server (the key is shown once, only its hash is
/// kept); users get a password hashed with PBKDF2. Both take a role, workspaces and an optional rate limit; they are
/// in force on every node when the answer arrives here, within seconds elsewhere. The file's credentials are read-only.
/// </summary>
public static partial class CredentialAdminEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex CredentialName();

    /// <summary>What the admin sends for a key or user.</summary>
    public sealed record CredentialRequest(string? Name, Role Role, List<string>? Workspaces, int RequestsPerMinute, string? Password);

    public static void MapCredentialAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/keys", (Credentials credentials, IConfigurationStore store, CancellationToken ct) => ListAsync("key", credentials, store, ct));
        admin.MapGet("/users", (Credentials credentials, IConfigurationStore store, CancellationToken ct) => ListAsync("user", credentials, store, ct));
        admin.MapPost("/keys", CreateKey);
        admin.MapPut("/users/{name}", PutUser);
        admin.MapDelete("/keys/{name}", (string name, HttpContext http, Credentials c, IConfigurationStore s, ConfigurationReloader r, IAuditLog a) =>
            DeleteAsync("key", name, http, c, s, r, a));
        admin.MapDelete("/users/{name}", (string name, HttpContext http, Credentials c, IConfigurationStore s, ConfigurationReloader r, IAuditLog a) =>
            DeleteAsync("user", name, http, c, s, r, a));
    }

    private static async Task<IResult> ListAsync(string kind, Credentials credentials, IConfigurationStore store, CancellationToken ct)
    {
        var database = await store.ReadCredentialsAsync(ct);
        var (file, stored) = kind == "key" ? (credentials.File.ApiKeys, database.ApiKeys) : (credentials.File.Users, database.Users);
        return Results.Json(file.Select(c => Describe(c.Key, c.Value, "file")).Concat(stored.Select(c => Describe(c.Key, c.Value, "database"))));
    }

    private static object Describe(string name, CredentialOptions c, string source) =>
        new { name, role = c.Role.ToString(), workspaces = c.Workspaces, requestsPerMinute = c.RequestsPerMinute, source };

    private static async Task<IResult> CreateKey(HttpContext http, Credentials credentials, IConfigurationStore store, LayerRegistry registry,
        ConfigurationReloader reloader, IAuditLog audit, CancellationToken ct)
    {
        var (request, problem) = await ReadAsync(http, registry, ct);
        if (problem is not null) return problem;
        if (credentials.File.ApiKeys.ContainsKey(request!.Name!) || (await store.ReadCredentialsAsync(ct)).ApiKeys.ContainsKey(request.Name!))
            return Results.Problem(statusCode: 409, title: "Conflict", detail: $"There is already a key named '{request.Name}'; delete it first.");
        string key = SecretHash.NewApiKey();
        var credential = new CredentialOptions { Hash = SecretHash.OfApiKey(key), Role = request.Role, Workspaces = request.Workspaces ?? [], RequestsPerMinute = request.RequestsPerMinute };
        await store.PutCredentialAsync("key", request.Name!, credential, CancellationToken.None);
        await AuditAsync(audit, http, "key.create", "key:" + request.Name, null, credential);
        await reloader.ReloadAsync(force: true, CancellationToken.None);
        return Results.Json(new { name = request.Name, key, note = "Keep the key now: the server keeps only its hash." }, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> PutUser(string name, HttpContext http, Credentials credentials, IConfigurationStore store, LayerRegistry registry,
        ConfigurationReloader reloader, IAuditLog audit, CancellationToken ct)
    {
        var (request, problem) = await ReadAsync(http, registry, ct, name);
        if (problem is not null) return problem;
        if (credentials.File.Users.ContainsKey(name)) return Results.Problem(statusCode: 409, title: "Conflict", detail: $"User '{name}' comes from the configuration file.");
        if (request!.Password is not { Length: >= 12 }) return Bad("password: at least 12 characters.");
        var credential = new CredentialOptions { Hash = SecretHash.OfPassword(request.Password), Role = request.Role, Workspaces = request.Workspaces ?? [], RequestsPerMinute = request.RequestsPerMinute };
        bool existed = await store.PutCredentialAsync("user", name, credential, CancellationToken.None);
        await AuditAsync(audit, http, existed ? "user.replace" : "user.create", "user:" + name, null, credential);
        await reloader.ReloadAsync(force: true, CancellationToken.None);
        return existed ? Results.NoContent() : Results.Created($"/admin/api/users/{name}", null);
    }

    private static async Task<IResult> DeleteAsync(string kind, string name, HttpContext http, Credentials credentials, IConfigurationStore store,
        ConfigurationReloader reloader, IAuditLog audit)
    {
        if ((kind == "key" ? credentials.File.ApiKeys : credentials.File.Users).ContainsKey(name))
            return Results.Problem(statusCode: 409, title: "Conflict", detail: $"'{name}' comes from the configuration file.");
        if (!await store.DeleteCredentialAsync(kind, name, CancellationToken.None))
            return Results.Problem(statusCode: 404, title: "Not Found", detail: $"No {kind} '{name}'.");
        await AuditAsync(audit, http, kind + ".delete", kind + ":" + name, null, null);
        await reloader.ReloadAsync(force: true, CancellationToken.None);
        return Results.NoContent();
    }

    private static async Task<(CredentialRequest? Request, IResult? Problem)> ReadAsync(HttpContext http, LayerRegistry registry, CancellationToken ct, string? name = null)
    {
        CredentialRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<CredentialRequest>(http.Request.Body, Json, ct);
        }
        catch (JsonException e)
        {
            return (null, Bad("The body is not a key or user: " + e.Message));
        }
        if (request is null) return (null, Bad("The body is empty."));
        request = request with { Name = name ?? request.Name };
        if (request.Name is null || !CredentialName().IsMatch(request.Name)) return (null, Bad("name: 1–64 letters, digits, '.', '-' or '_'."));
        if (!Enum.IsDefined(request.Role)) return (null, Bad("role: Agency, Member, Editor, WorkspaceAdmin or Admin."));
        if (request.Role is Role.Member or Role.Editor or Role.WorkspaceAdmin && request.Workspaces is not { Count: > 0 })
            return (null, Bad($"workspaces: role {request.Role} needs at least one."));
        if (request.Workspaces?.FirstOrDefault(w => registry.Workspaces.All(x => x.Id != w)) is { } unknown)
            return (null, Bad($"workspaces: no workspace '{unknown}'."));
        if (request.RequestsPerMinute < 0) return (null, Bad("requestsPerMinute: 0 (no limit) or more."));
        return (request, null);
    }

    private static Task AuditAsync(IAuditLog audit, HttpContext http, string action, string target, CredentialOptions? before, CredentialOptions? after) =>
        audit.AppendAsync([new AuditEntry(DateTimeOffset.UtcNow, http.User.Identity?.Name ?? "?", action, target,
            before is null ? null : JsonSerializer.Serialize(new { before.Role, before.Workspaces, before.RequestsPerMinute }),
            after is null ? null : JsonSerializer.Serialize(new { after.Role, after.Workspaces, after.RequestsPerMinute }))], CancellationToken.None);

    private static IResult Bad(string detail) => Results.Problem(statusCode: 400, title: "Bad Request", detail: detail);
}
