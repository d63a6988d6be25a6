using System.Text.Json.Nodes;
using GeoServer.Catalog;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;
using GeoServer.Host.Startup;

namespace GeoServer.Host.Admin;

/// <summary>
/// /admin/api/workspaces/{workspace}/layers/{layer}/metadata: the descriptive ISO 19115 fields of a layer's catalog
/// record (<see cref="RecordOptions"/>: titles and abstracts in Vietnamese and English, keywords and thesauri, topic
/// categories, responsible parties, lineage, quality, licence and limitations, update frequency, next review, scale),
/// for any published layer, of the file's workspaces too. GET answers what PUT stored (an empty object when nothing
/// is), PATCH is a JSON merge patch over it. Kept in the configuration database over the file's Catalog:Records; the
/// record's extent, CRS, access and links stay derived from the layer. A change is in CSW and OGC API – Records when
/// the answer arrives (on other nodes within seconds).
/// </summary>
public static class MetadataAdminEndpoints
{
    public static void MapMetadataAdmin(this RouteGroupBuilder admin)
    {
        const string metadata = "/workspaces/{workspace}/layers/{layer}/metadata";
        admin.MapGet(metadata, Get).WithTags("Metadata").WithSummary("The descriptive fields put for a layer's record")
            .Produces<RecordOptions>().ProducesProblem(404);
        admin.MapPut(metadata, Put).WithTags("Metadata").WithSummary("Replace the descriptive fields of a layer's record")
            .Accepts<RecordOptions>("application/json").Produces<RecordOptions>().ProducesProblem(400).ProducesProblem(404);
        admin.MapPatch(metadata, Patch).WithTags("Metadata").WithSummary("Change some descriptive fields (JSON merge patch; null resets a field)")
            .Accepts<RecordOptions>(AdminJson.MergePatch, "application/json").Produces<RecordOptions>().ProducesProblem(400).ProducesProblem(404);
        admin.MapDelete(metadata, Delete).WithTags("Metadata").WithSummary("Drop the descriptive fields put for a layer's record")
            .Produces(204).ProducesProblem(404);
    }

    private static async Task<IResult> Get(string workspace, string layer, HttpContext http, LayerRegistry registry, IConfigurationStore store, CancellationToken ct)
    {
        if (Missing(registry, workspace, layer) is { } missing) return missing;
        LinkRecord(http, workspace, layer);
        var stored = (await store.ReadMetadataAsync(ct)).FirstOrDefault(m => m.Workspace == workspace && m.Layer == layer);
        return Results.Text(stored?.Body ?? "{}", "application/json");
    }

    private static async Task<IResult> Put(string workspace, string layer, HttpContext http, LayerRegistry registry, IConfigurationStore store,
        WorkspaceEdits edits, ConfigurationReloader reloader, CancellationToken ct)
    {
        if (Missing(registry, workspace, layer) is { } missing) return missing;
        var (node, problem) = await AdminJson.ReadAsync(http.Request, ct);
        return problem ?? await SaveAsync(workspace, layer, node!, http, store, edits, reloader);
    }

    private static async Task<IResult> Patch(string workspace, string layer, HttpContext http, LayerRegistry registry, IConfigurationStore store,
        WorkspaceEdits edits, ConfigurationReloader reloader, CancellationToken ct)
    {
        if (Missing(registry, workspace, layer) is { } missing) return missing;
        var (patch, problem) = await AdminJson.ReadAsync(http.Request, ct, patch: true);
        if (problem is not null) return problem;
        var stored = (await store.ReadMetadataAsync(ct)).FirstOrDefault(m => m.Workspace == workspace && m.Layer == layer);
        return await SaveAsync(workspace, layer, AdminJson.Apply(JsonNode.Parse(stored?.Body ?? "{}"), patch)!, http, store, edits, reloader);
    }

    private static async Task<IResult> Delete(string workspace, string layer, HttpContext http, IConfigurationStore store, WorkspaceEdits edits,
        ConfigurationReloader reloader)
    {
        var previous = await store.DeleteMetadataAsync(workspace, layer, CancellationToken.None);
        if (previous is null) return Problems.NotFound($"No metadata was put for '{workspace}:{layer}'.");
        await edits.AuditAsync(http, "metadata.delete", Target(workspace, layer), previous.Body, null);
        await reloader.ReloadAsync(force: true, CancellationToken.None);
        return Results.NoContent();
    }

    private static async Task<IResult> SaveAsync(string workspace, string layer, JsonNode document, HttpContext http, IConfigurationStore store,
        WorkspaceEdits edits, ConfigurationReloader reloader)
    {
        var (fields, invalid) = AdminJson.Bind<RecordOptions>(document, "a record's metadata", RecordOptionsJson.Options);
        if (invalid is not null) return invalid;
        if (RecordOptionsJson.Problem(fields!) is { } problem) return Problems.Bad(problem);
        string body = RecordOptionsJson.Write(fields!);
        var previous = await store.PutMetadataAsync(new StoredMetadata(workspace, layer, body), CancellationToken.None);
        await edits.AuditAsync(http, previous is null ? "metadata.create" : "metadata.replace", Target(workspace, layer), previous?.Body, body);
        await reloader.ReloadAsync(force: true, CancellationToken.None);
        LinkRecord(http, workspace, layer);
        return Results.Text(body, "application/json");
    }

    /// <summary>Only a published layer has a record to describe.</summary>
    private static IResult? Missing(LayerRegistry registry, string workspace, string layer) =>
        registry.All.Any(l => l.Info.Id == workspace + ":" + layer) ? null : Problems.NotFound($"No layer '{workspace}:{layer}'.");

    private static void LinkRecord(HttpContext http, string workspace, string layer) =>
        http.Response.Headers.Link = $"</ogc/collections/catalog/items/{Uri.EscapeDataString(workspace + ":" + layer)}>; rel=\"describes\"; type=\"application/geo+json\"";

    private static string Target(string workspace, string layer) => $"{workspace}:{layer}/metadata";
}
