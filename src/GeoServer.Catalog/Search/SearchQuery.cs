using GeoServer.Catalog.Metadata;
using GeoServer.Core.Filtering;
using GeoServer.Core.Spatial;

namespace GeoServer.Catalog.Search;

/// <summary>
/// One search of the catalog, whichever protocol asked: every condition given must hold. Filters are trees over
/// <see cref="Queryables.Schema"/>; geometry is CRS84.
/// </summary>
public sealed record SearchQuery
{
    /// <summary>Full-text words (every one must match), or null.</summary>
    public string? Text { get; init; }

    /// <summary>Records whose extent intersects this box (CRS84), or null.</summary>
    public BBox? BBox { get; init; }

    /// <summary>Records whose temporal extent meets this interval (ISO 8601 instants, null ends open), or null.</summary>
    public (DateTimeOffset? Start, DateTimeOffset? End)? Time { get; init; }

    /// <summary>Only these record types, or null for all.</summary>
    public IReadOnlyCollection<RecordType>? Types { get; init; }

    /// <summary>Only these record ids, or null for all.</summary>
    public IReadOnlyCollection<string>? Ids { get; init; }

    /// <summary>Only records of this workspace (a workspace's own CSW endpoint), or null.</summary>
    public string? Workspace { get; init; }

    public CqlExpression? Filter { get; init; }
    public IReadOnlyList<SortKey> SortBy { get; init; } = [];

    /// <summary>0-based position of the first record of the page.</summary>
    public int Offset { get; init; }

    /// <summary>Records on the page; 0 counts only.</summary>
    public int Limit { get; init; } = 10;

    /// <summary>Whether to count values of the facets over every match.</summary>
    public bool Facets { get; init; }
}
