using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Styles;

/// <summary>An SLD Stroke as read: colour (#rrggbb), width in pixels, opacity, dash lengths, join and cap.</summary>
internal sealed record SldPen(string Colour, double Width, double Opacity, IReadOnlyList<double>? Dash, LineJoin Join, LineCap Cap);
