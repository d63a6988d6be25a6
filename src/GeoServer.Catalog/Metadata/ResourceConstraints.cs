using GeoServer.Core.Layers;

namespace GeoServer.Catalog.Metadata;

/// <summary>
/// Who may use the resource and how (ISO 19115 MD_LegalConstraints and MD_SecurityConstraints): the licence, the
/// access level the server enforces, and free-text limitations (attribution requirements).
/// </summary>
public sealed record ResourceConstraints
{
    /// <summary>The licence's name, e.g. "ODbL 1.0" or "CC BY 4.0".</summary>
    public string? Licence { get; init; }

    /// <summary>Where the licence text is.</summary>
    public string? LicenceUrl { get; init; }

    /// <summary>The access level the server enforces on the resource (the layer's).</summary>
    public AccessLevel Access { get; init; } = AccessLevel.Open;

    /// <summary>Use limitations, e.g. the credit to show.</summary>
    public LocalizedText? UseLimitation { get; init; }
}
