namespace GeoServer.Tiles.Rendering;

/// <summary>Point marker shapes (SLD well-known names circle, square, triangle, star, cross, x).</summary>
public enum MarkerShape { Circle, Square, Triangle, Star, Cross, X }
