using GeoServer.Core.Layers;
using GeoServer.Tiles.Cache;
using GeoServer.Tiles.Rendering;
using GeoServer.Tiles.Tilesets;
using GeoServer.Tiles.Vector;

namespace GeoServer.Host.Startup;

/// <summary>Runs <c>geosdi seed</c> on the configured server's services and prints its progress on one line.</summary>
public static class SeedRunner
{
    public static async Task<int> RunAsync(IServiceProvider services, SeedCommand seed, TextWriter output, CancellationToken ct)
    {
        var tiles = services.GetRequiredService<TileServices>();
        var tileset = TilesetResolver.FindForOperator(services.GetRequiredService<LayerRegistry>(), seed.Tileset);
        if (tileset is null)
        {
            output.WriteLine($"geosdi seed: no tileset '{seed.Tileset}' (a layer id such as vn:rivers, or a workspace).");
            return 2;
        }
        var set = tiles.Grids.Find(seed.Grid);
        if (set is null)
        {
            output.WriteLine($"geosdi seed: no tile matrix set '{seed.Grid}'; offered: {string.Join(", ", tiles.Grids.All.Select(s => s.Id))}.");
            return 2;
        }
        var box = seed.BBox ?? tileset.WgsExtent ?? throw new InvalidOperationException($"Tileset {tileset.Id} has no extent; give --bbox.");
        var seeder = new TileSeeder(tiles, services.GetRequiredService<TileImageRenderer>(), services.GetRequiredService<VectorTilesetEncoder>());
        var started = DateTime.UtcNow;
        var progress = new Progress<(long Done, long Total)>(p =>
        {
            if (p.Done % 25 != 0 && p.Done != p.Total) return;
            int width = 30, filled = (int)(width * p.Done / Math.Max(1, p.Total));
            output.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {p.Done}/{p.Total} tiles");
        });
        long total = await seeder.SeedAsync(tileset, set, box, seed.Zooms.From, seed.Zooms.To, seed.Format, progress, ct);
        output.WriteLine();
        output.WriteLine($"geosdi seed: {total} {seed.Format} tiles of {tileset.Id} on {set.Id}, zooms {seed.Zooms.From}-{seed.Zooms.To}, " +
                         $"in {(DateTime.UtcNow - started).TotalSeconds:0.0} s.");
        return 0;
    }
}
