using GeoServer.Core.Api;
using GeoServer.Tiles.Matrices;
using Microsoft.Extensions.DependencyInjection;

namespace GeoServer.Tiles.OgcTiles;

/// <summary>Registers OGC API – Tiles as an extension of the OGC API (its links and conformance classes).</summary>
public static class OgcTilesServices
{
    /// <summary>Adds <see cref="OgcTilesExtension"/> over <paramref name="grids"/> as an <see cref="IOgcApiExtension"/>.</summary>
    public static IServiceCollection AddOgcTiles(this IServiceCollection services, TileMatrixSetRegistry grids) =>
        services.AddSingleton<IOgcApiExtension>(new OgcTilesExtension(grids));
}
