namespace GeoServer.Tiles.Rendering;

/// <summary>How stroked segments meet (SVG stroke-linejoin).</summary>
public enum LineJoin { Round, Miter, Bevel }
