namespace GeoServer.Tiles.Rendering;

/// <summary>A Cairo error, with Cairo's status code and message (e.g. "invalid value for size").</summary>
public sealed class CairoException(int status, string message) : Exception($"Cairo: {message}")
{
    /// <summary>The cairo_status_t value.</summary>
    public int Status { get; } = status;
}
