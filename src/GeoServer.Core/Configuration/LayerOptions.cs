using GeoServer.Core.Layers;

namespace GeoServer.Core.Configuration;

/// <summary>A published table (the layer's name is the table's) and the metadata that overrides what the store says of it; null keeps the store's.</summary>
public sealed class LayerOptions
{
    /// <summary>Store name within the layer's workspace.</summary>
    public string Store { get; init; } = "";

    public string? Title { get; init; }
    public string? Abstract { get; init; }
    public List<string>? Keywords { get; init; }
    public AccessLevel? Access { get; init; }
    public string? Attribution { get; init; }

    /// <summary>Attribute holding the feature's instant, or its start when <see cref="TemporalEnd"/> is set.</summary>
    public string? Temporal { get; init; }
    public string? TemporalEnd { get; init; }

    /// <summary>
    /// Style files (JSON or SLD, paths relative to the configuration's data root); the first style is the default.
    /// None: a default style for the geometry type.
    /// </summary>
    public List<string>? Styles { get; init; }
}
