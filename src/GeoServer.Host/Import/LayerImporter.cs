using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GeoServer.Core.Audit;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Data;
using GeoServer.Data.Import;
using GeoServer.Host.Startup;

namespace GeoServer.Host.Import;

/// <summary>
/// Turns a file into a published layer, for <c>geosdi import</c> and the admin API's upload alike: inspects it, writes
/// it under a temporary name (a GeoPackage or COG the server owns, or a table of one of the workspace's PostGIS
/// stores), opens what was written as a layer to be sure it publishes, commits it under its name, records it in the
/// configuration database (which publishes it: this node when it reloads, every node within seconds) and audits it.
/// A refusal or failure at any step leaves no file, table or record behind.
/// </summary>
public sealed partial class LayerImporter(GeoSdiOptions options, HostPaths paths, IConfigurationStore store, LayerRegistry registry,
    IAuditLog audit, CrsRegistry crs)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    // Imports are disk and CPU heavy and write into shared folders: one at a time per node.
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Workspace ids that are safe as a folder name (the admin API's rule for new workspaces).</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex FolderSafe();

    /// <summary>Imports the file; <paramref name="who"/> is recorded as the importer. Refusals are <see cref="ImportException"/>s.</summary>
    public async Task<ImportResult> ImportAsync(ImportRequest request, string who, CancellationToken ct)
    {
        var workspace = await WorkspaceAsync(request.Workspace, ct);
        int? srid = request.Crs is null ? null : CrsOf(request.Crs);
        string? into = request.Into?.ToLowerInvariant() switch
        {
            null or "" => null,
            "gpkg" or "geopackage" => "geopackage",
            "postgis" => "postgis",
            _ => throw Bad($"into '{request.Into}' is not gpkg or postgis."),
        };
        await _one.WaitAsync(ct);
        var work = Directory.CreateTempSubdirectory("geosdi-import-");
        try
        {
            var settings = new ImportSettings(options.Import, crs) { Srid = srid, SourceLayer = request.SourceLayer };
            var inspected = await Task.Run(() => ImportInspector.Inspect(request.File, request.FileName, work.FullName, settings), ct);
            string name = request.Layer is { } given ? LayerName.Sanitise(given) : inspected.DefaultName;
            if (name.Length == 0)
                throw Bad(request.Layer is null ? $"'{request.FileName}' gives no usable layer name; name the layer (--layer, or layer in the API)."
                                                : $"Layer name '{request.Layer}' has no letter or digit to keep.");
            if (inspected is InspectedRaster && into == "postgis")
                throw Bad($"'{request.FileName}' is a raster: rasters are imported as COG files, not into PostGIS.");
            var target = inspected is InspectedRaster ? FileTarget(workspace.Id, name, "gdal", ".tif")
                : into == "postgis" ? PostGisTarget(workspace, name, request.Store)
                : FileTarget(workspace.Id, name, "geopackage", ".gpkg");
            var previous = await CheckConflictAsync(workspace.Id, target, request.Replace, ct);

            await using var staged = inspected switch
            {
                InspectedRaster raster => await Task.Run(() => (StagedImport)RasterImport.ToCog(raster, name, target.FullPath!), ct),
                InspectedVector vector when target.Type == "postgis" =>
                    await Task.Run(async () => (StagedImport)await VectorImport.ToPostGisAsync(vector, target.ConnectionString!, target.Schema!, name, ct), ct),
                InspectedVector vector => await Task.Run(() => (StagedImport)VectorImport.ToGeoPackage(vector, name, target.FullPath!), ct),
                _ => throw new InvalidOperationException("Inspection returned neither a vector nor a raster."),
            };
            await CheckPublishesAsync(workspace.Id, staged, request.FileName, ct);
            await staged.CommitAsync(ct);

            var record = new ImportedLayer
            {
                Workspace = workspace.Id,
                Name = target.Name,
                Type = target.Type,
                Path = target.FullPath is { } full ? Path.GetRelativePath(paths.BaseDirectory, full).Replace('\\', '/') : null,
                Store = target.Store,
                Table = target.Schema is null ? null : target.Schema + "." + name,
                Source = Path.GetFileName(request.FileName),
                Features = inspected is InspectedVector v ? v.Features : 0,
                GeometryType = inspected is InspectedVector g ? GeometryName(g.GeometryType) : "Raster",
                Srid = inspected.Srid,
                Access = request.Access,
                Imported = DateTimeOffset.UtcNow,
                ImportedBy = who,
            };
            try
            {
                await store.PutImportAsync(record, CancellationToken.None);
            }
            catch when (previous is null)
            {
                await RemoveDataAsync(record, workspace.Definition, CancellationToken.None);
                throw;
            }
            if (previous is not null && !SameData(previous, record)) await RemoveDataAsync(previous, workspace.Definition, CancellationToken.None);
            await audit.AppendAsync([new AuditEntry(DateTimeOffset.UtcNow, who, previous is null ? "layer.import" : "layer.reimport", workspace.Id + ":" + record.Name,
                previous is null ? null : JsonSerializer.Serialize(previous, Json), JsonSerializer.Serialize(record, Json))], CancellationToken.None);
            return new ImportResult(workspace.Id + ":" + record.Name, record.Type, record.Features, record.GeometryType!, record.Srid, previous is not null,
                record.Path ?? record.Store + "/" + record.Table);
        }
        finally
        {
            _one.Release();
            work.Delete(recursive: true);
        }
    }

    /// <summary>The imports of one workspace (or of all, with null).</summary>
    public async Task<IReadOnlyList<ImportedLayer>> ListAsync(string? workspace, CancellationToken ct) =>
        (await store.ReadImportsAsync(ct)).Where(i => workspace is null || i.Workspace == workspace).ToList();

    /// <summary>
    /// Unpublishes an imported layer (the record goes, so every node drops it); call <see cref="RemoveDataAsync"/>
    /// with the answer once this node has reloaded. Null when there was no such import.
    /// </summary>
    public async Task<ImportedLayer?> ForgetAsync(string workspace, string name, string who, CancellationToken ct)
    {
        var previous = await store.DeleteImportAsync(workspace, name, ct);
        if (previous is not null)
            await audit.AppendAsync([new AuditEntry(DateTimeOffset.UtcNow, who, "layer.import.delete", workspace + ":" + name,
                JsonSerializer.Serialize(previous, Json), null)], CancellationToken.None);
        return previous;
    }

    /// <summary>Deletes an import's file, or drops its table (found through the workspace's store of that name).</summary>
    public async Task RemoveDataAsync(ImportedLayer layer, WorkspaceOptions? workspace, CancellationToken ct)
    {
        if (layer.Path is { } path)
            StagedFile.Delete(Path.GetFullPath(path, paths.BaseDirectory));
        else if (layer.Table is { } table && layer.Store is { } storeName
                 && (workspace ?? await DefinitionAsync(layer.Workspace, ct))?.Stores.GetValueOrDefault(storeName)?.ConnectionString is { } connection)
            await StagedTable.DropAsync(connection, table[..table.IndexOf('.')], table[(table.IndexOf('.') + 1)..], ct);
    }

    /// <summary>The workspace's definition (from the file or the database), or null.</summary>
    public async Task<WorkspaceOptions?> DefinitionAsync(string id, CancellationToken ct) =>
        options.Workspaces.TryGetValue(id, out var file) ? file : (await store.ReadWorkspacesAsync(ct)).GetValueOrDefault(id);

    private async Task<(string Id, WorkspaceOptions Definition)> WorkspaceAsync(string id, CancellationToken ct)
    {
        var definition = await DefinitionAsync(id, ct) ?? throw new ImportException(ImportFailure.NotFound, $"No workspace '{id}'.");
        // The id names the workspace's folder of imports.
        if (!FolderSafe().IsMatch(id)) throw Bad($"Workspace '{id}' cannot take imports: its id is not 1–64 lower-case letters, digits, '-' or '_'.");
        return (id, definition);
    }

    private int CrsOf(string text)
    {
        var definition = crs.Find(text) ?? (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? crs.FromEpsg(code) : null);
        return definition?.Epsg ?? (definition == crs.Crs84 ? 4326
            : throw Bad($"crs '{text}' is not a CRS GeoSDI serves (for example EPSG:4326, EPSG:3405, EPSG:5897)."));
    }

    private sealed record Target(string Type, string Name, string? FullPath = null, string? Store = null, string? Schema = null, string? ConnectionString = null);

    private Target FileTarget(string workspace, string name, string type, string extension) =>
        new(type, name, Path.Combine(Path.GetFullPath(options.Import.Folder, paths.BaseDirectory), workspace, name + extension));

    /// <summary>The workspace's PostGIS store (the one named, or its only one); the table goes to its first schema, or public.</summary>
    private static Target PostGisTarget((string Id, WorkspaceOptions Definition) workspace, string name, string? storeName)
    {
        var stores = workspace.Definition.Stores.Where(s => s.Value.Type.ToLowerInvariant() is "postgis" or "postgresql").ToList();
        KeyValuePair<string, StoreOptions> chosen;
        if (storeName is not null)
            chosen = stores.FirstOrDefault(s => s.Key == storeName) is { Key: not null } named ? named
                : throw new ImportException(ImportFailure.NotFound, $"Workspace '{workspace.Id}' has no PostGIS store '{storeName}'" + StoreList(stores) + ".");
        else if (stores.Count == 1) chosen = stores[0];
        else if (stores.Count == 0) throw Bad($"Workspace '{workspace.Id}' has no PostGIS store; import into gpkg, or add a PostGIS store to the workspace.");
        else throw Bad($"Workspace '{workspace.Id}' has several PostGIS stores{StoreList(stores)}: name one (--store, or store in the API).");
        var connection = chosen.Value.ConnectionString ?? throw Bad($"Store '{chosen.Key}' has no connection string.");
        string schema = chosen.Value.Schemas?.FirstOrDefault() ?? "public";
        return new Target("postgis", StagedTable.PublishedName(schema, name), Store: chosen.Key, Schema: schema, ConnectionString: connection);
    }

    private static string StoreList(List<KeyValuePair<string, StoreOptions>> stores) =>
        stores.Count == 0 ? "" : $" (it has {string.Join(", ", stores.Select(s => $"'{s.Key}'"))})";

    /// <summary>Refuses a name taken by anything but an import (or by an import, unless replacing); returns the import replaced.</summary>
    private async Task<ImportedLayer?> CheckConflictAsync(string workspace, Target target, bool replace, CancellationToken ct)
    {
        string id = workspace + ":" + target.Name;
        var previous = (await store.ReadImportsAsync(ct)).FirstOrDefault(i => i.Workspace == workspace && i.Name == target.Name);
        if (previous is null && registry.All.Any(l => l.Info.Id == id))
            throw new ImportException(ImportFailure.Conflict, $"Layer '{id}' exists and was not imported, so an import cannot replace it; choose another name (--layer, or layer in the API).");
        if (previous is not null && !replace)
            throw new ImportException(ImportFailure.Conflict, $"Layer '{id}' exists (imported from '{previous.Source}' on {previous.Imported:yyyy-MM-dd}); replace it with --replace (replace=true in the API), or choose another name.");
        if (target.Type == "postgis" && !(previous?.Store == target.Store && previous?.Table == target.Schema + "." + TableOf(target.Name))
            && await StagedTable.ExistsAsync(target.ConnectionString!, target.Schema!, TableOf(target.Name), ct))
            throw new ImportException(ImportFailure.Conflict, $"Store '{target.Store}' already has a table '{target.Schema}.{TableOf(target.Name)}' that was not imported; choose another name.");
        return previous;
    }

    private static string TableOf(string publishedName) => publishedName[(publishedName.LastIndexOf('.') + 1)..];

    /// <summary>Opens the staged data as the layer catalog will, so what cannot be published is refused before it is committed.</summary>
    private async Task CheckPublishesAsync(string workspace, StagedImport staged, string fileName, CancellationToken ct)
    {
        try
        {
            await using var opened = SourceFactory.OpenStore(staged.Staged, paths.BaseDirectory);
            var owner = new Workspace(workspace, workspace);
            int layers = 0;
            foreach (var source in await opened.OpenFeatureSourcesAsync(ct))
            {
                await LayerBuilder.BuildAsync(owner, source, staged.Staged, null, crs, ct);
                layers++;
            }
            foreach (var raster in await opened.OpenRasterSourcesAsync(ct))
            {
                await LayerBuilder.BuildAsync(owner, raster, staged.Staged, null, crs, ct);
                layers++;
            }
            if (layers != 1) throw new InvalidDataException($"{layers} layers were written instead of one.");
        }
        catch (Exception e) when (e is not (OperationCanceledException or ImportException))
        {
            throw new ImportException(ImportFailure.Unprocessable, $"'{fileName}' was read but cannot be published: {e.Message}");
        }
    }

    private static bool SameData(ImportedLayer a, ImportedLayer b) => a.Path == b.Path && a.Store == b.Store && a.Table == b.Table;

    private static string GeometryName(string ogrType) => ogrType switch
    {
        "POINT" => "Point", "MULTIPOINT" => "MultiPoint", "LINESTRING" => "LineString", "MULTILINESTRING" => "MultiLineString",
        "POLYGON" => "Polygon", _ => "MultiPolygon",
    };

    private static ImportException Bad(string message) => new(ImportFailure.BadRequest, message);
}
