using GeoServer.Core.Filtering;
using GeoServer.Core.Spatial;

namespace GeoServer.Core.Sources;

/// <summary>
/// What a client asks of a feature source, already validated against the source's schema. Results are ordered by
/// <see cref="SortBy"/> then by the source's key, so that pages are stable.
/// </summary>
public sealed record FeatureQuery
{
    /// <summary>Features whose geometry intersects this box, in the source's storage CRS; null for no box.</summary>
    public BBox? BBox { get; init; }

    /// <summary>
    /// When true, a feature whose envelope meets <see cref="BBox"/> may be returned even if its geometry does not:
    /// maps draw such features outside the image anyway, and the exact test is the store's costliest step.
    /// </summary>
    public bool BBoxByEnvelope { get; init; }

    /// <summary>Features whose temporal property intersects an interval; null for no time filter.</summary>
    public TemporalFilter? Datetime { get; init; }

    /// <summary>Attribute equality tests, all of which must hold.</summary>
    public IReadOnlyList<PropertyEquals> PropertyFilters { get; init; } = [];

    /// <summary>
    /// A CQL2 filter already checked against the schema, its geometry literals transformed to the storage CRS;
    /// null for none.
    /// </summary>
    public CqlExpression? Filter { get; init; }

    /// <summary>Sort order; the key always breaks ties so pages stay stable. Empty: by key.</summary>
    public IReadOnlyList<SortKey> SortBy { get; init; } = [];

    /// <summary>Maximum number of features to return.</summary>
    public int Limit { get; init; } = 10;

    /// <summary>Number of matching features to skip (ignored when <see cref="AfterKey"/> is set).</summary>
    public long Offset { get; init; }

    /// <summary>
    /// Keyset paging: return only features whose key is greater than this; faster than offsets on deep pages.
    /// Only used when <see cref="SortBy"/> is empty.
    /// </summary>
    public long? AfterKey { get; init; }

    /// <summary>
    /// The attributes the caller will read, as positions in the schema; the others may come back null. Null reads
    /// every attribute. A hint: a store may read more (maps read only what their styles use).
    /// </summary>
    public IReadOnlyList<int>? Properties { get; init; }

    /// <summary>
    /// Any order will do (maps draw every feature of the box): lets a store skip sorting when nothing else needs
    /// the order. Ignored with <see cref="SortBy"/>, <see cref="AfterKey"/> or an offset.
    /// </summary>
    public bool AnyOrder { get; init; }

    /// <summary>The same filters with no paging, for counting matches.</summary>
    public FeatureQuery WithoutPaging() => this with { Offset = 0, AfterKey = null, Limit = int.MaxValue };
}
