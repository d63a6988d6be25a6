namespace GeoServer.Core.Metadata;

/// <summary>A layer's English title and licence as its catalog record states them; each null when not stated.</summary>
public sealed record LayerMetadata(string? TitleEn, string? Licence, string? LicenceUrl);
