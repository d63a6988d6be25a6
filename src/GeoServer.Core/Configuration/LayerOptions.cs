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

    /// <summary>
    /// A restricted layer is also shown to members of these workspaces (beyond its own workspace's members and the
    /// global admins); ignored for open and shared layers.
    /// </summary>
    public List<string>? AllowedWorkspaces { get; init; }

    /// <summary>A restricted layer is also shown to these API keys (by name).</summary>
    public List<string>? AllowedKeys { get; init; }

    /// <summary>A restricted layer is also shown to these users (by login name).</summary>
    public List<string>? AllowedUsers { get; init; }

    public string? Attribution { get; init; }

    /// <summary>Attribute holding the feature's instant, or its start when <see cref="TemporalEnd"/> is set.</summary>
    public string? Temporal { get; init; }
    public string? TemporalEnd { get; init; }

    /// <summary>
    /// The properties clients may filter by (OGC API queryables, <c>filter</c> and <c>property=value</c>); null for
    /// every attribute. Leaving a column out keeps it in the features but out of queries (a free-text note, a
    /// column without an index on a large table).
    /// </summary>
    public List<string>? Queryables { get; init; }

    /// <summary>
    /// In the configuration file: style files (JSON or SLD, paths relative to the configuration's data root). In a
    /// workspace of the configuration database: names of the layer's stored styles (put through the admin API), which
    /// it offers in this order. The first style is the default; none: every stored style ("default" first), or a
    /// default style for the geometry type.
    /// </summary>
    public List<string>? Styles { get; init; }
}
