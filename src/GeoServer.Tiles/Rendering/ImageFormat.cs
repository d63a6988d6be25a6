namespace GeoServer.Tiles.Rendering;

/// <summary>Encodings of a rendered image.</summary>
public enum ImageFormat { Png, Jpeg }
