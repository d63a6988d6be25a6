namespace GeoServer.Catalog.Metadata;

/// <summary>How the resource is obtained (ISO 19115 MD_Distribution): the formats offered and the online resources.</summary>
/// <param name="Formats">Format names ("GeoJSON", "PNG", "Mapbox Vector Tile").</param>
/// <param name="Links">Where to get it.</param>
public sealed record Distribution(IReadOnlyList<string> Formats, IReadOnlyList<OnlineResource> Links)
{
    public static readonly Distribution None = new([], []);
}
