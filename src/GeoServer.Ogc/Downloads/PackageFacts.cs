using GeoServer.Core.Crs;
using GeoServer.Core.Downloads;
using GeoServer.Core.Layers;
using GeoServer.Core.Metadata;
using GeoServer.Core.Sources;

namespace GeoServer.Ogc.Downloads;

/// <summary>What a package's README tells about it.</summary>
/// <param name="Layer">The layer it was extracted from.</param>
/// <param name="Metadata">What the catalog says of the layer (English title, licence), or null.</param>
/// <param name="Server">The server's title.</param>
/// <param name="Source">The collection's URL, as the caller reached it.</param>
/// <param name="Request">The download's URL (without credentials).</param>
/// <param name="Extracted">When the data were read.</param>
/// <param name="Format">The format of the data file(s).</param>
/// <param name="Crs">The CRS of the coordinates; null without geometry.</param>
/// <param name="Features">How many features it holds; null for a raster.</param>
/// <param name="Grid">For a raster: the grid written (extent in <paramref name="Crs"/>, size); null for features.</param>
/// <param name="Query">The query parameters that selected the data (all but "f"), in the order given.</param>
/// <param name="Files">The data files' names.</param>
/// <param name="RenamedFields">Attributes the format renamed, old name → name in the file.</param>
public sealed record PackageFacts(LayerInfo Layer, LayerMetadata? Metadata, string Server, string Source, string Request,
    DateTimeOffset Extracted, DownloadFormat Format, CrsDefinition? Crs, long? Features, RasterRequest? Grid,
    IReadOnlyList<KeyValuePair<string, string>> Query, IReadOnlyList<string> Files, IReadOnlyDictionary<string, string> RenamedFields);
