using GeoServer.Core.Spatial;

namespace GeoServer.Core.Editing;

/// <summary>
/// What a committed transaction did: the keys of inserted features in the order of the edits, and the envelopes
/// (storage CRS) of every geometry before and after, which is exactly the area whose tiles and extents changed.
/// </summary>
public sealed record FeatureEditResult(IReadOnlyList<long> InsertedIds, IReadOnlyList<BBox> ChangedAreas);
