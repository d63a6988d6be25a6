using GeoServer.Core.Sources;
using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// A <see cref="RasterSymbolizer"/> ready to draw: band numbers checked against the layer, colours parsed. A null
/// minimum or maximum is the band's own range, known only from the raster (see <see cref="Rendering.RasterPainter"/>).
/// </summary>
public sealed record CompiledRaster(
    IReadOnlyList<int>? Bands,
    IReadOnlyList<double?> Min,
    IReadOnlyList<double?> Max,
    IReadOnlyList<RampStop>? Ramp,
    bool Hillshade,
    double Azimuth,
    double Altitude,
    double ZFactor,
    double Opacity,
    RasterResampling Resampling) : CompiledSymbolizer;
