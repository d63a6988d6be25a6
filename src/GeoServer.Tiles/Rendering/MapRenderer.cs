using System.Globalization;
using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Sources;
using GeoServer.Tiles.Styles;
using NetTopologySuite.Geometries;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// Draws styled layers onto a canvas: reads each layer's features in the frame (the query box moved to the
/// layer's storage CRS, so the store's spatial index does the selection), transforms them to the frame's CRS,
/// simplifies them to the pixel and draws every matching rule's symbolizers in order; labels go last, above all
/// layers. Thread-safe: all per-render state is local.
/// </summary>
public sealed class MapRenderer(CrsRegistry crs)
{
    /// <summary>Pixels read beyond the frame so markers and outlines of features just outside still show.</summary>
    private const double MarginPixels = 8;

    /// <summary>
    /// Renders within the configured limits: past <see cref="WmsOptions.MaxFeatures"/> or
    /// <see cref="WmsOptions.RenderTimeoutSeconds"/> it throws <see cref="MapLimitException"/> naming the limit.
    /// </summary>
    public async Task RenderAsync(IMapCanvas canvas, MapFrame frame, IReadOnlyList<StyledLayer> layers, WmsOptions limits,
        CancellationToken ct, (double X0, double Y0, double X1, double Y1)? labelArea = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.RenderTimeoutSeconds));
        try
        {
            await RenderAsync(canvas, frame, layers, limits.MaxFeatures, timeout.Token, labelArea);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new MapLimitException($"The map took longer than {limits.RenderTimeoutSeconds:0.#} s to draw; zoom in or ask for fewer layers.");
        }
    }

    /// <summary>
    /// Renders the layers in order (the first at the bottom); labels only where they fit wholly inside
    /// <paramref name="labelArea"/> (pixels; default the whole image). Throws <see cref="MapLimitException"/> when more than
    /// <paramref name="maxFeatures"/> features would be drawn; cancellation stops the reads.
    /// </summary>
    public async Task RenderAsync(IMapCanvas canvas, MapFrame frame, IReadOnlyList<StyledLayer> layers, int maxFeatures,
        CancellationToken ct, (double X0, double Y0, double X1, double Y1)? labelArea = null)
    {
        var draw = new Drawing(canvas, frame);
        foreach (var styled in layers)
        {
            var info = styled.Layer.Info;
            var rules = styled.Style.RulesAt(frame.ScaleDenominator);
            if (info.StorageCrs is null || rules.Count == 0) continue;
            var toStorage = crs.GetTransform(frame.Crs, info.StorageCrs);
            var box = toStorage.Transform(frame.Grown(MarginPixels));
            if (double.IsNaN(box.MinX) || info.StorageExtent is { } extent && !extent.Intersects(box)) continue;
            if (styled.Layer.Raster is { } raster)
            {
                // A raster's features are only its footprint: draw its pixels instead.
                foreach (var symbolizer in rules.SelectMany(r => r.Symbolizers).OfType<CompiledRaster>())
                    await RasterPainter.DrawAsync(canvas, frame, raster, symbolizer, crs, ct);
                continue;
            }
            var toMap = crs.GetTransform(info.StorageCrs, frame.Crs);
            draw.Transform = toMap.IsIdentity ? null : toMap;

            var query = new FeatureQuery
            {
                BBox = box,
                BBoxByEnvelope = true,
                Limit = maxFeatures - draw.Features + 1,
                Properties = StyleProperties.Of(styled.Style, info.Schema),
                AnyOrder = true,
            };
            await foreach (var feature in styled.Layer.Features.QueryAsync(query, ct))
            {
                if (++draw.Features > maxFeatures)
                    throw new MapLimitException($"The map would draw more than {maxFeatures} features; zoom in or ask for fewer layers.");
                draw.Feature(feature, rules);
            }
            draw.Flush();
        }
        draw.Labels.Draw(canvas, labelArea);
    }

    /// <summary>The state of one render: canvas, frame, the reused pixel geometry and the labels collected.</summary>
    private sealed class Drawing(IMapCanvas canvas, MapFrame frame)
    {
        /// <summary>Vertices buffered before a layer is drawn early, bounding memory on huge layers.</summary>
        private const int MaxBuffered = 1_000_000;

        private readonly PixelGeometry _geometry = new();
        private readonly SymbolizerBatches _batches = new();
        private readonly SubPixelDots _dots = new();
        public readonly LabelPlacer Labels = new();
        public CrsTransform? Transform;
        public int Features;

        public void Feature(Feature feature, IReadOnlyList<CompiledRule> rules)
        {
            if (feature.Geometry is null) return;
            _geometry.Load(feature.Geometry, Transform, frame);
            if (_geometry.PartCount == 0) return;
            bool matched = false;
            foreach (var rule in rules)
            {
                if (rule.IsElse || !rule.Matches(feature)) continue;
                matched = true;
                Symbolize(feature, rule);
            }
            if (matched) return;
            foreach (var rule in rules)
                if (rule.IsElse) Symbolize(feature, rule);
        }

        /// <summary>Draws what the layer has buffered (see <see cref="SymbolizerBatches"/>).</summary>
        public void Flush()
        {
            _batches.Draw(canvas);
            _dots.Flush(canvas);
        }

        private void Symbolize(Feature feature, CompiledRule rule)
        {
            foreach (var symbolizer in rule.Symbolizers)
            {
                switch (symbolizer)
                {
                    case CompiledPolygon polygon: Polygon(polygon); break;
                    case CompiledLine line: Line(line); break;
                    case CompiledPoint point: Point(point); break;
                    case CompiledText text: Label(feature, text); break;
                }
            }
        }

        private void Polygon(CompiledPolygon style)
        {
            if (_geometry.IsSubPixel)
            {
                // A shape smaller than a pixel still colours its pixel, with the colour its outline (drawn over
                // the fill) would leave there.
                var colour = style.Outline?.Color ?? style.Fill;
                var (x, y) = _geometry.Centre;
                if (colour is { } c) _dots.Add(x, y, c, frame.Width, frame.Height);
                return;
            }
            _geometry.AppendTo(_batches.PathOf(style));
            FlushIfFull();
        }

        private void Line(CompiledLine style)
        {
            if (_geometry.IsSubPixel) return;
            _geometry.AppendTo(_batches.PathOf(style));
            FlushIfFull();
        }

        private void Point(CompiledPoint style)
        {
            var path = _batches.PathOf(style);
            bool any = false;
            for (int p = 0; p < _geometry.PartCount; p++)
            {
                if (!_geometry.IsPoint(p)) continue;
                var (x, y) = _geometry.PointAt(p);
                path.Marker(style.Shape, x, y, style.Size);
                any = true;
            }
            if (!any)
            {
                var (x, y) = _geometry.Centre;
                path.Marker(style.Shape, x, y, style.Size);
            }
            FlushIfFull();
        }

        private void FlushIfFull()
        {
            if (_batches.Size > MaxBuffered) Flush();
        }

        private void Label(Feature feature, CompiledText style)
        {
            var value = feature.Values[style.PropertyIndex];
            if (value is null) return;
            string text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            var anchor = Anchor(feature.Geometry!);
            if (anchor is { } at) Labels.Add(text, at.X, at.Y, style);
        }

        /// <summary>Where a label goes: the point, the middle of a line, or a point surely inside an area.</summary>
        private (double X, double Y)? Anchor(Geometry geometry)
        {
            if (_geometry.PartCount > 0 && _geometry.IsPoint(0)) return _geometry.PointAt(0);
            if (geometry is ILineal) return _geometry.LineMiddle();
            var inside = geometry.InteriorPoint;
            if (inside.IsEmpty) return null;
            double x = inside.X, y = inside.Y;
            Transform?.Transform(ref x, ref y);
            return (frame.ToPixelX(x), frame.ToPixelY(y));
        }
    }
}
