using System.Globalization;
using System.Text;
using GeoServer.Core.Audit;
using GeoServer.Core.Security;
using GeoServer.Core.Usage;

namespace GeoServer.Host.Admin;

/// <summary>
/// /admin/api for global admins (a workspace's admins may change that workspace: its definition, stores, layers,
/// styles, records' metadata and imports): the usage report (JSON or CSV, the basis for service fees), the audit log,
/// workspaces, stores, layers, styles, metadata, imports, keys and users. Anyone else gets 401 (with a Basic challenge) or 403.
/// </summary>
public static class AdminEndpoints
{
    private static readonly string[] Dimensions = ["day", "caller", "workspace", "layer", "service"];

    public static void MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/api").AddEndpointFilter(async (context, next) =>
        {
            var user = context.HttpContext.User;
            if (user.IsInRole(Roles.Admin)) return await next(context);
            // A workspace's own admins may change it (its definition and styles), not create or delete workspaces.
            if (WorkspaceOf(context.HttpContext) is { } workspace && user.IsInRole(Roles.AdminOf(workspace))) return await next(context);
            if (user.Identity?.IsAuthenticated == true) return Results.Problem(statusCode: 403, title: "Forbidden", detail: "The admin API is for administrators.");
            context.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"GeoSDI\", charset=\"UTF-8\"";
            return Results.Problem(statusCode: 401, title: "Unauthorized", detail: "The admin API needs an administrator's API key or login.");
        });
        admin.MapGet("/usage", Usage);
        admin.MapGet("/audit", Audit);
        admin.MapWorkspaceAdmin();
        admin.MapStoreAdmin();
        admin.MapLayerAdmin();
        admin.MapMetadataAdmin();
        admin.MapStyleAdmin();
        admin.MapCredentialAdmin();
        admin.MapImportAdmin();
    }

    /// <summary>The workspace a request is about, when it is one a workspace admin may use: PUT of the workspace, everything under it.</summary>
    private static string? WorkspaceOf(HttpContext http) =>
        http.GetRouteValue("workspace") as string
        ?? (HttpMethods.IsPut(http.Request.Method) && http.Request.Path.StartsWithSegments("/admin/api/workspaces") ? http.GetRouteValue("id") as string : null);

    /// <summary>?from=YYYY-MM-DD&amp;to=YYYY-MM-DD (inclusive; default this month), by=caller,layer,… , f=json|csv.</summary>
    private static async Task<IResult> Usage(HttpContext http, IUsageStore store, CancellationToken ct)
    {
        var q = http.Request.Query;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (!TryDate(q["from"], new DateOnly(today.Year, today.Month, 1), out var from)) return Bad("from", "a date YYYY-MM-DD");
        if (!TryDate(q["to"], today, out var to)) return Bad("to", "a date YYYY-MM-DD");
        var by = q["by"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (by.FirstOrDefault(d => !Dimensions.Contains(d)) is { } unknown) return Bad("by", $"one or more of {string.Join(", ", Dimensions)}, not '{unknown}'");
        var rows = await store.ReportAsync(new UsageQuery(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            by.Contains("day"), by.Contains("caller"), by.Contains("workspace"), by.Contains("layer"), by.Contains("service")), ct);
        if (q["f"] == "csv")
        {
            var csv = new StringBuilder("day,caller,workspace,layer,service,requests,features,bytes\n");
            foreach (var r in rows)
                csv.AppendJoin(',', r.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Csv(r.Caller), Csv(r.Workspace), Csv(r.Layer), Csv(r.Service),
                    r.Counts.Requests.ToString(CultureInfo.InvariantCulture), r.Counts.Features.ToString(CultureInfo.InvariantCulture), r.Counts.Bytes.ToString(CultureInfo.InvariantCulture)).Append('\n');
            return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"geosdi-usage-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv");
        }
        return Results.Json(new
        {
            from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            rows = rows.Select(r => new
            {
                day = r.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), caller = r.Caller, workspace = r.Workspace, layer = r.Layer, service = r.Service,
                requests = r.Counts.Requests, features = r.Counts.Features, bytes = r.Counts.Bytes,
            }),
        });
    }

    /// <summary>?target=layer id (prefix), since=RFC 3339, limit (default 100, at most 10000), newest first.</summary>
    private static async Task<IResult> Audit(HttpContext http, IAuditLog log, CancellationToken ct)
    {
        var q = http.Request.Query;
        DateTimeOffset? since = null;
        if (q.ContainsKey("since"))
        {
            if (!DateTimeOffset.TryParse(q["since"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s)) return Bad("since", "an RFC 3339 date-time");
            since = s;
        }
        int limit = 100;
        if (q.ContainsKey("limit") && (!int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 10_000))
            return Bad("limit", "an integer from 1 to 10000");
        string? target = q.ContainsKey("target") ? q["target"].ToString() : null;
        var entries = await log.ReadAsync(target, since, limit, ct);
        return Results.Json(new
        {
            entries = entries.Select(e => new
            {
                when = e.When.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                who = e.Who, action = e.Action, target = e.Target,
                before = e.Before is null ? null : System.Text.Json.Nodes.JsonNode.Parse(e.Before),
                after = e.After is null ? null : System.Text.Json.Nodes.JsonNode.Parse(e.After),
            }),
        });
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return string.IsNullOrEmpty(text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static string Csv(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        // A cell starting with = + - @ is a formula to spreadsheets (CSV injection); quote it as text.
        : value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;

    private static IResult Bad(string parameter, string expected) =>
        Results.Problem(statusCode: 400, title: "Bad Request", detail: $"Invalid value for parameter '{parameter}': expected {expected}.");
}
