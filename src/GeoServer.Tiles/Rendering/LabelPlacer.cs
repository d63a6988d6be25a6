using GeoServer.Tiles.Styles;

namespace GeoServer.Tiles.Rendering;

/// <summary>
/// Collects label candidates while features are drawn and places them last, above every layer, in the order
/// they came, skipping any label that would overlap one already placed or leave the image (so labels never
/// collide and none is cut at the edge).
/// </summary>
public sealed class LabelPlacer
{
    private const double Padding = 2;
    private readonly List<(string Text, double X, double Y, CompiledText Style)> _candidates = [];

    public void Add(string text, double x, double y, CompiledText style)
    {
        if (!string.IsNullOrWhiteSpace(text)) _candidates.Add((text, x, y, style));
    }

    /// <summary>
    /// Draws the labels that fit inside the area (default: the whole image); returns how many were placed. A tile
    /// passes its own square, without the margin drawn around it: a label either fits wholly in one tile or is left
    /// out, never cut in half at a tile edge.
    /// </summary>
    public int Draw(IMapCanvas canvas, (double X0, double Y0, double X1, double Y1)? area = null)
    {
        var (minX, minY, maxX, maxY) = area ?? (0, 0, canvas.Width, canvas.Height);
        var placed = new List<(double X0, double Y0, double X1, double Y1)>();
        foreach (var (text, x, y, style) in _candidates)
        {
            var extents = canvas.MeasureText(text, style.Font);
            // Centred on the anchor, then moved by the style's offset (SLD displacement: y up).
            double originX = x - extents.Width / 2 - extents.XBearing + style.OffsetX;
            double originY = y - extents.Height / 2 - extents.YBearing - style.OffsetY;
            double x0 = originX + extents.XBearing - style.HaloRadius - Padding;
            double y0 = originY + extents.YBearing - style.HaloRadius - Padding;
            double x1 = x0 + extents.Width + 2 * (style.HaloRadius + Padding);
            double y1 = y0 + extents.Height + 2 * (style.HaloRadius + Padding);
            if (x0 < minX || y0 < minY || x1 > maxX || y1 > maxY) continue;
            if (placed.Exists(b => x0 < b.X1 && b.X0 < x1 && y0 < b.Y1 && b.Y0 < y1)) continue;
            placed.Add((x0, y0, x1, y1));
            canvas.DrawText(text, originX, originY, style.Font, style.Color, style.Halo, style.HaloRadius);
        }
        return placed.Count;
    }
}
