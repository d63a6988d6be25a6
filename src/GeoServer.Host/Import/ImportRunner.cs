using GeoServer.Data.Import;

namespace GeoServer.Host.Import;

/// <summary>
/// Runs <c>geosdi import</c> against the configuration (and its configuration database) the server uses, so a
/// running server publishes the layer at its next poll. Exit code 0 when published, 1 when refused (the reason on
/// stderr), 2 for a file that is not there.
/// </summary>
public static class ImportRunner
{
    public static async Task<int> RunAsync(IServiceProvider services, ImportCommand command, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var request = command.ToRequest();
        if (!File.Exists(request.File) && !Directory.Exists(request.File))
        {
            await error.WriteLineAsync($"geosdi import: no file '{command.File}'.");
            return 2;
        }
        try
        {
            var result = await services.GetRequiredService<LayerImporter>().ImportAsync(request, "cli:" + Environment.UserName, ct);
            await output.WriteLineAsync(
                $"{(result.Replaced ? "Replaced" : "Imported")} '{request.FileName}' as layer {result.Id}: " +
                (result.Type == "gdal" ? "a Cloud Optimized GeoTIFF" : $"{result.Features} feature{(result.Features == 1 ? "" : "s")} ({result.GeometryType})") +
                $" in EPSG:{result.Srid}, stored in {result.Location}. A running server publishes it within seconds.");
            return 0;
        }
        catch (ImportException e)
        {
            await error.WriteLineAsync($"geosdi import: {e.Message}");
            return 1;
        }
    }
}
