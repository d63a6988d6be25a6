using GeoServer.Core.Sources;

namespace GeoServer.Data.Gdal;

/// <summary>
/// A raster file GDAL reads (GeoTIFF, COG, …), published as one raster layer named after the file. The path comes
/// from the configuration only, never from a request.
/// </summary>
public sealed class GdalStore(string path) : IStore
{
    private GdalRasterSource? _source;

    public string Path { get; } = path;

    public Task<IReadOnlyList<IFeatureSource>> OpenFeatureSourcesAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IFeatureSource>>([]);

    public Task<IReadOnlyList<IRasterSource>> OpenRasterSourcesAsync(CancellationToken ct)
    {
        _source ??= new GdalRasterSource(Path, System.IO.Path.GetFileNameWithoutExtension(Path));
        return Task.FromResult<IReadOnlyList<IRasterSource>>([_source]);
    }

    public Task CheckAsync(CancellationToken ct)
    {
        if (!File.Exists(Path)) throw new FileNotFoundException($"The raster file '{Path}' is missing.");
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _source?.Dispose();
        return ValueTask.CompletedTask;
    }
}
