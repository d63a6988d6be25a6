namespace GeoServer.Tiles.Rendering;

/// <summary>A render stopped because it went past a configured limit (features or time); the message names it.</summary>
public sealed class MapLimitException(string message) : Exception(message);
