namespace GeoServer.Tiles.Styles;

/// <summary>
/// Why part of an SLD cannot be carried over; thrown inside <see cref="SldFilterReader"/> and turned into a warning,
/// never out of <see cref="SldImporter"/>.
/// </summary>
internal sealed class SldUnsupportedException(string message) : Exception(message);
