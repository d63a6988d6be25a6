using System.Text;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;
using GeoServer.Data.Import;
using GeoServer.Host.Import;
using GeoServer.Host.Startup;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace GeoServer.Host.Admin;

/// <summary>
/// /admin/api/workspaces/{workspace}/imports: upload a file (multipart/form-data, field <c>file</c>; optional fields
/// <c>layer</c>, <c>into</c>, <c>crs</c>, <c>sourceLayer</c>, <c>store</c>, <c>access</c>, <c>replace</c>) and it is
/// published as a layer when the answer arrives, as <c>geosdi import</c> does; list a workspace's imports; delete one
/// (its layer, and its file or table). The upload never names a server path: it is streamed, within
/// Import:MaxUploadMegabytes, into a fresh temporary folder under a name the server makes, and removed afterwards.
/// </summary>
public static class ImportAdminEndpoints
{
    private const int MaxFieldBytes = 4096;

    /// <summary>The form's fields, for the OpenAPI document (the handler reads the body as a stream, never as a buffered form).</summary>
    public sealed record ImportForm(IFormFile File, string? Layer, string? Into, string? Crs, string? SourceLayer, string? Store, string? Access, bool? Replace);

    public static void MapImportAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPost("/workspaces/{workspace}/imports", Upload)
            .Accepts<ImportForm>("multipart/form-data")
            .Produces(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapGet("/workspaces/{workspace}/imports", List);
        admin.MapDelete("/workspaces/{workspace}/imports/{layer}", Delete);
    }

    private static async Task<IResult> Upload(string workspace, HttpContext http, LayerImporter importer, ImportOptions limits,
        ConfigurationReloader reloader, CancellationToken ct)
    {
        long maxFile = (long)limits.MaxUploadMegabytes << 20;
        // The form's other fields and part headers come on top of the file.
        long maxBody = maxFile + (64 << 10);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = maxBody;
        if (http.Request.ContentLength > maxBody) return TooLarge(limits);
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return Results.Problem(statusCode: 415, title: "Unsupported Media Type", detail: "Send the file as multipart/form-data, in the field 'file'.");

        var folder = Directory.CreateTempSubdirectory("geosdi-upload-");
        try
        {
            string? fileName = null, path = null;
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                var reader = new MultipartReader(boundary, http.Request.Body);
                for (var section = await reader.ReadNextSectionAsync(ct); section is not null; section = await reader.ReadNextSectionAsync(ct))
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                        || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                        return Bad("Every part of the body must be a form field (Content-Disposition: form-data).");
                    string field = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                    if (disposition.IsFileDisposition())
                    {
                        if (field != "file") return Bad($"Unexpected file field '{field}': send the file in the field 'file'.");
                        if (path is not null) return Bad("One file per import: zip a shapefile's .shp, .shx, .dbf and .prj together.");
                        fileName = ClientFileName(disposition);
                        // The server's own name for it; only the extension is kept, for GDAL to know the format by.
                        path = Path.Combine(folder.FullName, "upload" + SafeExtension(fileName));
                        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                        if (!await CopyAtMostAsync(section.Body, output, maxFile, ct)) return TooLarge(limits);
                    }
                    else if (field is "layer" or "into" or "crs" or "sourceLayer" or "store" or "access" or "replace")
                    {
                        var value = await ReadFieldAsync(section.Body, ct);
                        if (value is null) return Bad($"Field '{field}' is longer than {MaxFieldBytes} bytes.");
                        fields[field] = value;
                    }
                    else return Bad($"Unknown field '{field}': the fields are file, layer, into, crs, sourceLayer, store, access and replace.");
                }
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(limits);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                return Bad("The multipart body is malformed: " + e.Message);
            }
            if (path is null) return Bad("No file: send it as multipart/form-data, in the field 'file'.");

            bool replace = false;
            if (fields.TryGetValue("replace", out var replaceText) && !bool.TryParse(replaceText, out replace)) return Bad($"replace '{replaceText}' is not true or false.");
            var access = AccessLevel.Open;
            if (fields.TryGetValue("access", out var accessText)
                && (!Enum.TryParse(accessText, ignoreCase: true, out access) || !Enum.IsDefined(access) || char.IsDigit(accessText[0])))
                return Bad($"access '{accessText}' is not open, shared or restricted.");
            var request = new ImportRequest(path, fileName!, workspace)
            {
                Layer = Field("layer"), Into = Field("into"), Crs = Field("crs"), SourceLayer = Field("sourceLayer"), Store = Field("store"),
                Replace = replace, Access = access,
            };
            var result = await importer.ImportAsync(request, http.User.Identity?.Name ?? "?", ct);
            await reloader.ReloadAsync(force: true, CancellationToken.None);
            return Results.Created($"/ogc/collections/{result.Id}", new
            {
                layer = result.Id,
                type = result.Type,
                features = result.Features,
                geometryType = result.GeometryType,
                crs = $"http://www.opengis.net/def/crs/EPSG/0/{result.Srid}",
                replaced = result.Replaced,
                location = result.Location,
            });

            string? Field(string name) => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        }
        catch (ImportException e)
        {
            return Problem(e);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<IResult> List(string workspace, LayerImporter importer, CancellationToken ct)
    {
        if (await importer.DefinitionAsync(workspace, ct) is null) return Results.Problem(statusCode: 404, title: "Not Found", detail: $"No workspace '{workspace}'.");
        var imports = await importer.ListAsync(workspace, ct);
        return Results.Json(new
        {
            imports = imports.Select(i => new
            {
                layer = i.Workspace + ":" + i.Name, type = i.Type, source = i.Source, features = i.Features, geometryType = i.GeometryType,
                crs = $"http://www.opengis.net/def/crs/EPSG/0/{i.Srid}", access = i.Access.ToString(), imported = i.Imported, importedBy = i.ImportedBy,
                location = i.Path ?? i.Store + "/" + i.Table,
            }),
        });
    }

    private static async Task<IResult> Delete(string workspace, string layer, HttpContext http, LayerImporter importer, ConfigurationReloader reloader,
        CancellationToken ct)
    {
        var previous = await importer.ForgetAsync(workspace, layer, http.User.Identity?.Name ?? "?", CancellationToken.None);
        if (previous is null) return Results.Problem(statusCode: 404, title: "Not Found", detail: $"No imported layer '{workspace}:{layer}'.");
        // Unpublished here first, so no request of this node reads the data as they go.
        await reloader.ReloadAsync(force: true, CancellationToken.None);
        await importer.RemoveDataAsync(previous, null, CancellationToken.None);
        return Results.NoContent();
    }

    /// <summary>The client's name for the file without any folder it names (it is only shown in messages).</summary>
    private static string ClientFileName(ContentDispositionHeaderValue disposition)
    {
        var raw = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
        var name = Path.GetFileName((raw ?? "").Replace('\\', '/'));
        return name.Length is > 0 and <= 255 && !name.Any(char.IsControl) ? name : "upload";
    }

    /// <summary>".geojson" from "roads.GeoJSON"; nothing from a name whose extension is not plain letters and digits.</summary>
    private static string SafeExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension.Length is > 1 and <= 10 && extension.Skip(1).All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9') ? extension : "";
    }

    /// <summary>Copies the part into the file; false when it is longer than <paramref name="max"/> bytes.</summary>
    private static async Task<bool> CopyAtMostAsync(Stream input, Stream output, long max, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            copied += read;
            if (copied > max) return false;
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return true;
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        int total = 0, read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), ct)) > 0) total += read;
        return total > MaxFieldBytes ? null : Encoding.UTF8.GetString(buffer, 0, total).Trim();
    }

    private static IResult Problem(ImportException e) => e.Failure switch
    {
        ImportFailure.BadRequest => Results.Problem(statusCode: 400, title: "Bad Request", detail: e.Message),
        ImportFailure.NotFound => Results.Problem(statusCode: 404, title: "Not Found", detail: e.Message),
        ImportFailure.Conflict => Results.Problem(statusCode: 409, title: "Conflict", detail: e.Message),
        ImportFailure.TooLarge => Results.Problem(statusCode: 413, title: "Content Too Large", detail: e.Message),
        _ => Results.Problem(statusCode: 422, title: "Unprocessable Content", detail: e.Message),
    };

    private static IResult TooLarge(ImportOptions limits) =>
        Results.Problem(statusCode: 413, title: "Content Too Large", detail: $"An upload is at most {limits.MaxUploadMegabytes} MiB (Import:MaxUploadMegabytes).");

    private static IResult Bad(string detail) => Results.Problem(statusCode: 400, title: "Bad Request", detail: detail);
}
