using GeoServer.Core.Layers;
using GeoServer.Host.Startup;

namespace GeoServer.Host.Import;

/// <summary>
/// <c>geosdi import FILE --workspace W [--layer NAME] [--into gpkg|postgis] [--crs EPSG:n] [--source-layer L]
/// [--store S] [--access open|shared|restricted] [--replace]</c>: load a file into a workspace and publish it.
/// </summary>
public sealed record ImportCommand(string File)
{
    public string? Workspace { get; init; }
    public string? Layer { get; init; }
    public string? Into { get; init; }
    public string? Crs { get; init; }
    public string? SourceLayer { get; init; }
    public string? Store { get; init; }
    public bool Replace { get; init; }
    public AccessLevel Access { get; init; } = AccessLevel.Open;

    public static string ParseInto(string text) => text is "gpkg" or "postgis"
        ? text : throw new ArgumentException($"--into '{text}' is not gpkg or postgis. {CommandLine.Usage}");

    public static AccessLevel ParseAccess(string text) =>
        Enum.TryParse<AccessLevel>(text, ignoreCase: true, out var access) && Enum.IsDefined(access) && !char.IsDigit(text[0])
            ? access : throw new ArgumentException($"--access '{text}' is not open, shared or restricted. {CommandLine.Usage}");

    /// <summary>The request for <see cref="LayerImporter"/>, the file made absolute.</summary>
    public ImportRequest ToRequest()
    {
        var path = Path.GetFullPath(File);
        return new ImportRequest(path, Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), Workspace!)
        {
            Layer = Layer, Into = Into, Crs = Crs, SourceLayer = SourceLayer, Store = Store, Replace = Replace, Access = Access,
        };
    }
}
