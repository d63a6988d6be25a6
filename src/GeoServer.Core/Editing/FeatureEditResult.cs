using GeoServer.Core.Spatial;

namespace GeoServer.Core.Editing;

/// <summary>
/// What a committed transaction did: the keys of inserted features in the order of the edits, the envelopes
/// (storage CRS) of every geometry before and after, which is exactly the area whose tiles and extents changed, and
/// each feature's change for the audit.
/// </summary>
public sealed record FeatureEditResult(IReadOnlyList<long> InsertedIds, IReadOnlyList<BBox> ChangedAreas, IReadOnlyList<FeatureChange> Changes);
