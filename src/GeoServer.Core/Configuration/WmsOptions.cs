namespace GeoServer.Core.Configuration;

/// <summary>Limits that keep one map request from taking the server down (WMS, and map tiles built on it).</summary>
public sealed class WmsOptions
{
    /// <summary>Largest WIDTH and HEIGHT in pixels (announced as MaxWidth/MaxHeight in the capabilities).</summary>
    public int MaxWidth { get; init; } = 4096;
    public int MaxHeight { get; init; } = 4096;

    /// <summary>Most features one map may draw, all layers together; beyond it the request fails with a message.</summary>
    public int MaxFeatures { get; init; } = 500_000;

    /// <summary>Longest a render may take before it is abandoned.</summary>
    public double RenderTimeoutSeconds { get; init; } = 60;

    /// <summary>
    /// Maps (WMS maps and tile blocks) drawn at once; more wait their turn. 0 = two per core. Drawing is CPU-bound:
    /// more at once only adds threads and memory.
    /// </summary>
    public int MaxConcurrentRenders { get; init; }

    /// <summary>How far from the clicked pixel GetFeatureInfo looks for features, in pixels.</summary>
    public int FeatureInfoTolerancePixels { get; init; } = 4;
}
