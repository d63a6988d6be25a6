using GeoServer.Tiles.Tilesets;

namespace GeoServer.Tiles.OgcTiles;

/// <summary>
/// What an OGC API – Tiles request tiles: one collection (a layer with geometry) or the whole dataset (every layer with
/// geometry the caller may see), with the URL its tilesets hang from.
/// </summary>
/// <param name="BaseUrl">The collection's URL, or the API root for the dataset.</param>
/// <param name="Tileset">The layers, already filtered by the caller's access.</param>
/// <param name="CollectionId">The collection's id; null for the dataset.</param>
/// <param name="Description">The collection's abstract, or null.</param>
public sealed record TilesSource(string BaseUrl, Tileset Tileset, string? CollectionId, string? Description);
