using GeoServer.Core.Spatial;

namespace GeoServer.Core.Sources;

/// <summary>
/// A store that reports changes made to its tables by anyone (another program, another GeoSDI node), so cached
/// tiles and extents can follow data edited behind this server's back.
/// </summary>
public interface IChangeFeed
{
    /// <summary>
    /// Listens until cancelled, calling <paramref name="changed"/> with the source's name and the changed area in
    /// its storage CRS (null: anywhere, e.g. after a TRUNCATE or after the feed lost its connection and may have
    /// missed changes). Reconnects by itself.
    /// </summary>
    Task ListenAsync(Action<string, BBox?> changed, CancellationToken ct);
}
