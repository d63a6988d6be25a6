namespace GeoServer.Tiles.Rendering;

/// <summary>A pen: colour, width in pixels, optional dash pattern (on/off lengths in pixels), join and cap.</summary>
public sealed record StrokeStyle(Rgba Color, double Width, IReadOnlyList<double>? Dash = null,
    LineJoin Join = LineJoin.Round, LineCap Cap = LineCap.Round);
