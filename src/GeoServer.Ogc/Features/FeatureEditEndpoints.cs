using System.Globalization;
using System.Text.Json;
using GeoServer.Core.Audit;
using GeoServer.Core.Crs;
using GeoServer.Core.Editing;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;
using GeoServer.Ogc.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GeoServer.Ogc.Features;

/// <summary>
/// OGC API – Features Part 4: create (POST items: a Feature, or a FeatureCollection written all or nothing),
/// replace (PUT), update (PATCH, a JSON merge patch) and delete (DELETE) for callers the access policy lets edit
/// the layer. If-Match makes a write conditional on the feature's entity tag (412 when it changed). Each request
/// is one database transaction; once committed, the change is announced so tiles and extents follow it.
/// </summary>
public static class FeatureEditEndpoints
{
    private const long MaxBodyBytes = 64L * 1024 * 1024;
    private static readonly JsonDocumentOptions BodyOptions = new() { MaxDepth = 64 };

    public static async Task<IResult> Create(string collectionId, HttpContext http, LayerRegistry layers, CrsRegistry crs,
        LayerChanges changes, IAuditLog audit, CancellationToken ct)
    {
        var (layer, editor) = Editable(layers, http, collectionId);
        using var body = await ReadBodyAsync(http, ct, MediaTypes.GeoJson, MediaTypes.Json);
        var reader = new FeatureDraftReader(layer.Info, BodyCrs(http, crs), crs);
        var root = body.RootElement;
        bool collection = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueEquals("FeatureCollection");
        var drafts = collection
            ? (root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array
                ? features.EnumerateArray().Select(reader.Read).ToList()
                : throw new OgcException(400, "Bad Request", "A FeatureCollection needs a \"features\" array."))
            : [reader.Read(root)];
        if (drafts.Count == 0) throw new OgcException(400, "Bad Request", "The FeatureCollection has no features.");

        var result = await ApplyAsync(layer, editor, drafts.Select(d => (FeatureEdit)new FeatureEdit.Insert(d)).ToList(), changes, audit, http, ct);
        var paths = new OgcPaths(http.Request);
        http.Response.Headers.Location = paths.Item(layer.Info.Id, result.InsertedIds[0]);
        if (!collection)
        {
            await SetTagAsync(http, layer, result.InsertedIds[0], ct);
            return Results.StatusCode(StatusCodes.Status201Created);
        }
        return Results.Json(new
        {
            numberCreated = result.InsertedIds.Count,
            links = result.InsertedIds.Select(id => new { href = paths.Item(layer.Info.Id, id), rel = "item", type = MediaTypes.GeoJson }),
        }, statusCode: StatusCodes.Status201Created, contentType: MediaTypes.Json);
    }

    public static async Task<IResult> Replace(string collectionId, string featureId, HttpContext http, LayerRegistry layers,
        CrsRegistry crs, LayerChanges changes, IAuditLog audit, CancellationToken ct)
    {
        var (layer, editor) = Editable(layers, http, collectionId);
        long id = FeatureId(collectionId, featureId);
        using var body = await ReadBodyAsync(http, ct, MediaTypes.GeoJson, MediaTypes.Json);
        var draft = new FeatureDraftReader(layer.Info, BodyCrs(http, crs), crs).Read(body.RootElement);
        await ApplyAsync(layer, editor, [new FeatureEdit.Replace(id, draft, IfMatch(http))], changes, audit, http, ct);
        await SetTagAsync(http, layer, id, ct);
        return Results.NoContent();
    }

    public static async Task<IResult> Update(string collectionId, string featureId, HttpContext http, LayerRegistry layers,
        CrsRegistry crs, LayerChanges changes, IAuditLog audit, CancellationToken ct)
    {
        var (layer, editor) = Editable(layers, http, collectionId);
        long id = FeatureId(collectionId, featureId);
        using var body = await ReadBodyAsync(http, ct, MediaTypes.MergePatch, MediaTypes.GeoJson, MediaTypes.Json);
        var changesToMake = new FeatureDraftReader(layer.Info, BodyCrs(http, crs), crs).ReadPatch(body.RootElement);
        await ApplyAsync(layer, editor, [new FeatureEdit.Patch(id, changesToMake, IfMatch(http))], changes, audit, http, ct);
        await SetTagAsync(http, layer, id, ct);
        return Results.NoContent();
    }

    public static async Task<IResult> Delete(string collectionId, string featureId, HttpContext http, LayerRegistry layers,
        LayerChanges changes, IAuditLog audit, CancellationToken ct)
    {
        var (layer, editor) = Editable(layers, http, collectionId);
        await ApplyAsync(layer, editor, [new FeatureEdit.Delete(FeatureId(collectionId, featureId), IfMatch(http))], changes, audit, http, ct);
        return Results.NoContent();
    }

    /// <summary>The layer and its editor; a layer the caller cannot see is 404, one it may only read 401/403.</summary>
    private static (Layer Layer, IFeatureEditor Editor) Editable(LayerRegistry layers, HttpContext http, string collectionId)
    {
        var layer = layers.Find(http.User, collectionId) ?? throw OgcException.NotFound($"No collection '{collectionId}'.");
        if (layer.Features is not IFeatureEditor editor)
            throw new OgcException(405, "Method Not Allowed", $"Collection '{collectionId}' is read-only: its store cannot be written.");
        if (layers.CanEdit(http.User, layer)) return (layer, editor);
        if (http.User.Identity?.IsAuthenticated == true)
            throw new OgcException(403, "Forbidden", $"You may read '{collectionId}' but not edit it.");
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"GeoSDI\", charset=\"UTF-8\"";
        throw new OgcException(401, "Unauthorized", $"Editing '{collectionId}' needs an editor's API key or login.");
    }

    private static async Task<FeatureEditResult> ApplyAsync(Layer layer, IFeatureEditor editor, IReadOnlyList<FeatureEdit> edits,
        LayerChanges changes, IAuditLog audit, HttpContext http, CancellationToken ct)
    {
        FeatureEditResult result;
        try
        {
            result = await editor.ApplyAsync(edits, ct);
        }
        catch (FeatureEditException e)
        {
            throw e.Error switch
            {
                FeatureEditError.NotFound => OgcException.NotFound(e.Message),
                FeatureEditError.PreconditionFailed => new OgcException(412, "Precondition Failed", e.Message),
                FeatureEditError.Conflict => new OgcException(409, "Conflict", e.Message),
                _ => new OgcException(400, "Bad Request", e.Message),
            };
        }
        changes.Publish(new LayerDataChange(layer.Info, result.ChangedAreas));
        // Recorded once the data are committed; the request's token no longer applies, the write happened.
        var who = http.User.Identity?.Name ?? "anonymous";
        var now = DateTimeOffset.UtcNow;
        await audit.AppendAsync(result.Changes.Select(c => new AuditEntry(now, who, "feature." + c.Action, $"{layer.Info.Id}/{c.Id}",
            c.Before is null ? null : FeatureAuditJson.Of(c.Before, layer.Info.Schema),
            c.Written is null ? null : FeatureAuditJson.Of(c.Written))).ToList(), CancellationToken.None);
        return result;
    }

    private static async Task<JsonDocument> ReadBodyAsync(HttpContext http, CancellationToken ct, params string[] mediaTypes)
    {
        string contentType = http.Request.ContentType?.Split(';')[0].Trim() ?? "";
        if (!mediaTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
            throw new OgcException(415, "Unsupported Media Type", $"Send the body as {string.Join(" or ", mediaTypes)}, not '{contentType}'.");
        if (http.Request.ContentLength > MaxBodyBytes)
            throw new OgcException(413, "Content Too Large", $"The body is larger than {MaxBodyBytes / (1024 * 1024)} MiB.");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        try
        {
            return await JsonDocument.ParseAsync(http.Request.Body, BodyOptions, ct);
        }
        catch (JsonException e)
        {
            throw new OgcException(400, "Bad Request", "The body is not valid JSON: " + e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new OgcException(413, "Content Too Large", $"The body is larger than {MaxBodyBytes / (1024 * 1024)} MiB.");
        }
    }

    /// <summary>The body's CRS from the Content-Crs header (OGC API Features Part 2/4), "&lt;uri&gt;"; CRS84 when absent.</summary>
    private static CrsDefinition BodyCrs(HttpContext http, CrsRegistry crs)
    {
        string? header = http.Request.Headers["Content-Crs"];
        if (string.IsNullOrWhiteSpace(header)) return crs.Crs84;
        return crs.Find(header.Trim().TrimStart('<').TrimEnd('>'))
            ?? throw new OgcException(400, "Bad Request", $"Content-Crs '{header}' is not a CRS this server knows.");
    }

    private static string? IfMatch(HttpContext http) => http.Request.Headers.IfMatch is { Count: > 0 } v ? v.ToString() : null;

    private static long FeatureId(string collectionId, string featureId) =>
        long.TryParse(featureId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id : throw OgcException.NotFound($"Collection '{collectionId}' has no feature '{featureId}'.");

    private static async Task SetTagAsync(HttpContext http, Layer layer, long id, CancellationToken ct)
    {
        if (await layer.Features.GetAsync(id, ct) is { } written) http.Response.Headers.ETag = FeatureTag.Of(written);
    }
}
