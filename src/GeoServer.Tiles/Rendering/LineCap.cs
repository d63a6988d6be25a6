namespace GeoServer.Tiles.Rendering;

/// <summary>How stroked lines end (SVG stroke-linecap).</summary>
public enum LineCap { Round, Butt, Square }
