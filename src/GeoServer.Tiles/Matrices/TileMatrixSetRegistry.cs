using GeoServer.Core.Crs;

namespace GeoServer.Tiles.Matrices;

/// <summary>
/// The tile matrix sets the server offers: WebMercatorQuad and WorldCRS84Quad as OGC 17-083r4 Annex D defines
/// them, and VN2000UTM48Quad for national maps, each read once from a TMS 2.0 JSON file embedded in this
/// assembly (<c>Matrices/Definitions/*.json</c>). Safe to share between threads.
/// </summary>
public sealed class TileMatrixSetRegistry
{
    private const string ResourcePrefix = "tilematrixsets/";

    private static readonly Lazy<TileMatrixSetRegistry> DefaultRegistry = new(() => LoadEmbedded(CrsRegistry.Default));

    private readonly Dictionary<string, TileMatrixSet> _byId;

    /// <exception cref="ArgumentException">Two sets share an identifier.</exception>
    public TileMatrixSetRegistry(IEnumerable<TileMatrixSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        All = sets.ToList();
        _byId = new Dictionary<string, TileMatrixSet>(StringComparer.Ordinal);
        foreach (var set in All)
        {
            if (!_byId.TryAdd(set.Id, set))
                throw new ArgumentException($"Tile matrix set {set.Id} is defined twice.", nameof(sets));
        }
    }

    /// <summary>The embedded sets over <see cref="CrsRegistry.Default"/>.</summary>
    public static TileMatrixSetRegistry Default => DefaultRegistry.Value;

    /// <summary>Every set, ordered by identifier so listings are stable.</summary>
    public IReadOnlyList<TileMatrixSet> All { get; }

    /// <summary>The set with this identifier (ordinal, as URL path segments compare), or null.</summary>
    public TileMatrixSet? Find(string? id) => id is not null && _byId.TryGetValue(id, out var set) ? set : null;

    /// <summary>Reads every embedded set, resolving CRSs in <paramref name="crs"/>.</summary>
    /// <exception cref="InvalidDataException">An embedded file is malformed or names an unknown CRS.</exception>
    public static TileMatrixSetRegistry LoadEmbedded(CrsRegistry crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        var assembly = typeof(TileMatrixSetRegistry).Assembly;
        var sets = new List<TileMatrixSet>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            sets.Add(TileMatrixSetJson.Read(stream, crs));
        }
        if (sets.Count == 0)
            throw new InvalidOperationException(
                "No tile matrix set is embedded; GeoServer.Tiles.csproj embeds Matrices/Definitions/*.json.");
        return new TileMatrixSetRegistry(sets.OrderBy(s => s.Id, StringComparer.Ordinal));
    }
}
