using GeoServer.Core.Api;
using GeoServer.Core.Configuration;
using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Matrices;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;
using GeoServer.Tiles.Vector;
using GeoServer.Tiles.Xyz;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoServer.Tiles.OgcTiles;

/// <summary>
/// OGC API – Tiles 1.0 and the TMS 2.0 resources, mapped onto the OGC API's route group (Host:
/// <c>app.MapOgcApi().MapOgcTiles()</c>): the tile matrix sets; each collection's vector tiles (MVT) and map tiles
/// (PNG, JPEG) on every tile matrix set; and the same for the dataset, i.e. every layer the caller may see. Handlers
/// throw <see cref="ApiException"/>, which the group's error filter writes as problem details; every lookup goes through
/// the layer registry with the caller, so a hidden layer is a 404 like a missing one.
/// </summary>
public static class OgcTilesEndpoints
{
    /// <summary>Maps the routes, relative to <paramref name="ogc"/> (the /ogc group).</summary>
    public static IEndpointRouteBuilder MapOgcTiles(this IEndpointRouteBuilder ogc)
    {
        Map(ogc, "/tileMatrixSets", (HttpContext http, TileServices services) => TileMatrixSets(http, services));
        Map(ogc, "/tileMatrixSets/{tileMatrixSetId}", (string tileMatrixSetId, HttpContext http, TileServices services) =>
            TileMatrixSetDefinition(http, services, tileMatrixSetId));

        foreach (var type in new[] { TileDataType.Vector, TileDataType.Map })
        {
            string tiles = type == TileDataType.Vector ? "/tiles" : "/map/tiles";
            Map(ogc, tiles, (HttpContext http, TileServices services, ServerOptions server) =>
                TilesetsList(http, services, Dataset(http, services, server), type));
            Map(ogc, tiles + "/{tileMatrixSetId}", (string tileMatrixSetId, HttpContext http, TileServices services, ServerOptions server) =>
                TilesetMetadata(http, services, Dataset(http, services, server), type, tileMatrixSetId));
            Map(ogc, tiles + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                (string tileMatrixSetId, string tileMatrix, string tileRow, string tileCol, HttpContext http, TileServices services,
                    ServerOptions server, TileImageRenderer renderer, VectorTilesetEncoder encoder, CancellationToken ct) =>
                    Tile(http, services, Dataset(http, services, server), type, tileMatrixSetId, tileMatrix, tileRow, tileCol, renderer, encoder, ct));

            string collection = "/collections/{collectionId}" + tiles;
            Map(ogc, collection, (string collectionId, HttpContext http, TileServices services) =>
                TilesetsList(http, services, Collection(http, services, collectionId), type));
            Map(ogc, collection + "/{tileMatrixSetId}", (string collectionId, string tileMatrixSetId, HttpContext http, TileServices services) =>
                TilesetMetadata(http, services, Collection(http, services, collectionId), type, tileMatrixSetId));
            Map(ogc, collection + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                (string collectionId, string tileMatrixSetId, string tileMatrix, string tileRow, string tileCol, HttpContext http,
                    TileServices services, TileImageRenderer renderer, VectorTilesetEncoder encoder, CancellationToken ct) =>
                    Tile(http, services, Collection(http, services, collectionId), type, tileMatrixSetId, tileMatrix, tileRow, tileCol,
                        renderer, encoder, ct));
        }
        return ogc;
    }

    // HTTP requires HEAD wherever GET is allowed (RFC 9110 9.3.2); Kestrel drops the body of HEAD responses.
    private static void Map(IEndpointRouteBuilder ogc, string pattern, Delegate handler) =>
        ogc.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);

    private static Task TileMatrixSets(HttpContext http, TileServices services)
    {
        JsonOnly(http.Request);
        string root = ApiRoot(http);
        return OgcTilesJson.WriteAsync(http.Response, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("links");
            OgcTilesJson.WriteLink(json, OgcTilesPaths.TileMatrixSets(root), "self", "application/json", "The tile matrix sets");
            json.WriteEndArray();
            json.WriteStartArray("tileMatrixSets");
            foreach (var set in services.Grids.All)
                TileMatrixSetJson.WriteSummary(json, set, OgcTilesPaths.TileMatrixSet(root, set.Id));
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static Task TileMatrixSetDefinition(HttpContext http, TileServices services, string id)
    {
        JsonOnly(http.Request);
        var set = FindSet(services, id);
        return OgcTilesJson.WriteAsync(http.Response, json => TileMatrixSetJson.Write(json, set));
    }

    private static Task TilesetsList(HttpContext http, TileServices services, TilesSource source, TileDataType type)
    {
        JsonOnly(http.Request);
        string root = ApiRoot(http);
        return OgcTilesJson.WriteAsync(http.Response, json => TilesetDocuments.WriteList(json, root, source, type, services.Grids.All));
    }

    private static Task TilesetMetadata(HttpContext http, TileServices services, TilesSource source, TileDataType type, string tileMatrixSetId)
    {
        JsonOnly(http.Request);
        var set = FindSet(services, tileMatrixSetId);
        string root = ApiRoot(http);
        return OgcTilesJson.WriteAsync(http.Response, json =>
            TilesetDocuments.WriteTileset(json, root, source, type, set, services.Crs.Crs84.Uri));
    }

    private static async Task<IResult> Tile(HttpContext http, TileServices services, TilesSource source, TileDataType type,
        string tileMatrixSetId, string tileMatrix, string tileRow, string tileCol, TileImageRenderer renderer, VectorTilesetEncoder encoder,
        CancellationToken ct)
    {
        var tile = TileAddress.Parse(FindSet(services, tileMatrixSetId), tileMatrix, tileRow, tileCol);
        return type == TileDataType.Vector
            ? await VectorTileAsync(http, services, source, tile, encoder, ct)
            : await MapTileAsync(http, services, source, tile, renderer, ct);
    }

    private static async Task<IResult> VectorTileAsync(HttpContext http, TileServices services, TilesSource source, TileAddress tile,
        VectorTilesetEncoder encoder, CancellationToken ct)
    {
        string? f = http.Request.Query["f"];
        if (!string.IsNullOrEmpty(f) && f is not ("mvt" or VectorTiles.MediaType))
            throw ApiException.BadParameter("f", $"'{f}' is not offered for vector tiles; use 'mvt'.");
        // /req/core/tc-error B: a tile inside the matrix where no feature reaches may be 204 No Content (as sent).
        // Cached apart from the XYZ vector tiles: dataset tiles may name their layers by full id.
        var key = new TileKey(source.Tileset.CacheId, "ogcapi", tile.Set.Id, tile.Matrix.Id, tile.Row, tile.Col, "mvt");
        await VectorTiles.WriteAsync(http, OgcVectorLayers.Of(source.Tileset), key, tile.Set, tile.Matrix, encoder, services.Cache, ct);
        return Results.Empty;
    }

    private static async Task<IResult> MapTileAsync(HttpContext http, TileServices services, TilesSource source, TileAddress tile,
        TileImageRenderer renderer, CancellationToken ct)
    {
        var (format, mediaType) = MapTileFormat.Negotiate(http.Request);
        // Every layer in its default style, as the XYZ and WMTS tiles draw it, so the same tile is the same image.
        var layers = TileStyles.Resolve(services, source.Tileset, null)
                     ?? throw new InvalidOperationException($"Tileset {source.Tileset.Id} has a layer without a default style.");
        var key = new TileKey(source.Tileset.CacheId, TileStyles.Default, tile.Set.Id, tile.Matrix.Id, tile.Row, tile.Col,
            MapTiles.Extension(format));
        CachedTile cached;
        try
        {
            cached = await MapTiles.GetAsync(services, renderer, key, layers, tile.Set, tile.Matrix, format, ct);
        }
        catch (MapLimitException e)
        {
            throw new ApiException(503, "Service Unavailable", e.Message);
        }
        await TileResponse.WriteAsync(http, cached, mediaType, null, ct);
        return Results.Empty;
    }

    private static TilesSource Collection(HttpContext http, TileServices services, string collectionId)
    {
        var layer = services.Layers.Find(http.User, collectionId)
                    ?? throw ApiException.NotFound($"collectionId: no collection '{collectionId}'.", "collectionId");
        if (!layer.Info.Schema.HasGeometry)
            throw ApiException.NotFound($"collectionId: collection '{collectionId}' has no geometry, so it has no tiles.", "collectionId");
        return new TilesSource(OgcTilesPaths.Collection(ApiRoot(http), collectionId), new Tileset(layer.Info.Id, layer.Info.Title, [layer]),
            layer.Info.Id, layer.Info.Abstract);
    }

    // The dataset's tiles: every layer with geometry the caller may see, in registry order (workspace, then name).
    private static TilesSource Dataset(HttpContext http, TileServices services, ServerOptions server)
    {
        var layers = services.Layers.Visible(http.User).Where(l => l.Info.Schema.HasGeometry).ToList();
        if (layers.Count == 0)
            throw ApiException.NotFound("No layer with geometry is visible, so the dataset has no tiles.");
        return new TilesSource(ApiRoot(http), new Tileset("", server.Title, layers), null, server.Description);
    }

    private static TileMatrixSet FindSet(TileServices services, string id) =>
        services.Grids.Find(id) ?? throw ApiException.NotFound(
            $"tileMatrixSetId: no tile matrix set '{id}'; offered: {string.Join(", ", services.Grids.All.Select(s => s.Id))}.", "tileMatrixSetId");

    // The metadata documents are JSON only; "f=json" is accepted so generic clients can ask for it.
    private static void JsonOnly(HttpRequest request)
    {
        string? f = request.Query["f"];
        if (!string.IsNullOrEmpty(f) && f is not ("json" or "application/json"))
            throw ApiException.BadParameter("f", $"'{f}' is not offered for this resource; use 'json'.");
    }

    /// <summary>
    /// The API root as the caller reached it (scheme, host, path base and the group's prefix), taken from the matched
    /// route so this area need not know where the OGC API area put its group.
    /// </summary>
    private static string ApiRoot(HttpContext http)
    {
        var request = http.Request;
        string pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        int cut = new[] { "/tileMatrixSets", "/collections/", "/map/tiles", "/tiles" }
            .Select(p => pattern.IndexOf(p, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        return $"{request.Scheme}://{request.Host}{request.PathBase}{pattern[..cut].TrimEnd('/')}";
    }
}
