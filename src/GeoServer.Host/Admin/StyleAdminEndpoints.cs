using System.Text;
using GeoServer.Core.Audit;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;
using GeoServer.Host.Startup;
using GeoServer.Tiles.Styles;

namespace GeoServer.Host.Admin;

/// <summary>
/// /admin/api/workspaces/{workspace}/layers/{layer}/styles/{name}: a style for a layer of a database workspace or an
/// imported layer, as style JSON (application/json) or SLD 1.0 / SE 1.1 (application/vnd.ogc.sld+xml, text/xml). It
/// is compiled against the layer before it is saved (errors are a 400; the SLD importer's warnings come back in the
/// answer); a style named "default" is the layer's default. Saving reloads the configuration, which drops the layer's
/// cached tiles.
/// </summary>
public static class StyleAdminEndpoints
{
    private const int MaxStyleBytes = 1 << 20;

    public static void MapStyleAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPut("/workspaces/{workspace}/layers/{layer}/styles/{name}", Put);
        admin.MapDelete("/workspaces/{workspace}/layers/{layer}/styles/{name}", Delete);
    }

    private static async Task<IResult> Put(string workspace, string layer, string name, HttpContext http, GeoSdiOptions file,
        IConfigurationStore store, LayerRegistry registry, ConfigurationReloader reloader, IAuditLog audit, CancellationToken ct)
    {
        // Layers imported into a file's workspace live in the database like the database's workspaces, styles included.
        if (file.Workspaces.ContainsKey(workspace) && !(await store.ReadImportsAsync(ct)).Any(i => i.Workspace == workspace && i.Name == layer))
            return Results.Problem(statusCode: 409, title: "Conflict", detail: $"Workspace '{workspace}' comes from the configuration file; name style files there.");
        var published = registry.All.FirstOrDefault(l => l.Info.Id == workspace + ":" + layer);
        if (published is null) return Results.Problem(statusCode: 404, title: "Not Found", detail: $"No layer '{workspace}:{layer}' in a database workspace or among the imports.");
        string format = (http.Request.ContentType ?? "").Split(';')[0].Trim() switch
        {
            "application/json" => "json",
            "application/vnd.ogc.sld+xml" or "application/vnd.ogc.se+xml" or "application/xml" or "text/xml" => "sld",
            var other => "",
        };
        if (format.Length == 0)
            return Results.Problem(statusCode: 415, title: "Unsupported Media Type", detail: "Send style JSON (application/json) or SLD (application/vnd.ogc.sld+xml).");
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var buffer = new char[MaxStyleBytes + 1];
        int read = await reader.ReadBlockAsync(buffer, ct);
        if (read > MaxStyleBytes) return Results.Problem(statusCode: 413, title: "Content Too Large", detail: "A style is at most 1 MiB.");
        string body = new(buffer, 0, read);

        SldImportResult parsed;
        try
        {
            parsed = StyleFiles.Parse(body, format, published.Info.Schema);
            if (parsed.Styles.Count != 1 || parsed.Styles[0].Name != name)
                return Bad($"The body must hold one style named '{name}' (it holds {string.Join(", ", parsed.Styles.Select(s => $"'{s.Name}'"))}).");
            StyleCompiler.Compile(parsed.Styles[0], published.Info.Schema);
        }
        catch (StyleException e)
        {
            return Bad(e.Message);
        }
        var previous = await store.PutStyleAsync(new StoredStyle(workspace, layer, name, format, body), CancellationToken.None);
        await audit.AppendAsync([new AuditEntry(DateTimeOffset.UtcNow, http.User.Identity?.Name ?? "?", previous is null ? "style.create" : "style.replace",
            $"{workspace}:{layer}/styles/{name}", previous?.Body is { } before ? System.Text.Json.JsonSerializer.Serialize(before) : null,
            System.Text.Json.JsonSerializer.Serialize(body))], CancellationToken.None);
        await reloader.ReloadAsync(force: true, CancellationToken.None);
        return Results.Json(new { style = name, layer = $"{workspace}:{layer}", warnings = parsed.Warnings },
            statusCode: previous is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> Delete(string workspace, string layer, string name, HttpContext http, IConfigurationStore store,
        ConfigurationReloader reloader, IAuditLog audit)
    {
        var previous = await store.DeleteStyleAsync(workspace, layer, name, CancellationToken.None);
        if (previous is null) return Results.Problem(statusCode: 404, title: "Not Found", detail: $"No style '{name}' for '{workspace}:{layer}'.");
        await audit.AppendAsync([new AuditEntry(DateTimeOffset.UtcNow, http.User.Identity?.Name ?? "?", "style.delete",
            $"{workspace}:{layer}/styles/{name}", System.Text.Json.JsonSerializer.Serialize(previous.Body), null)], CancellationToken.None);
        await reloader.ReloadAsync(force: true, CancellationToken.None);
        return Results.NoContent();
    }

    private static IResult Bad(string detail) => Results.Problem(statusCode: 400, title: "Bad Request", detail: detail);
}
