using GeoServer.Core.Sources;

namespace GeoServer.Core.Editing;

/// <summary>
/// One feature a committed transaction changed, for the audit: the action ("create", "replace", "update",
/// "delete"), its key, the feature as it was (null for a create) and what was written (null for a delete).
/// </summary>
public sealed record FeatureChange(string Action, long Id, Feature? Before, FeatureDraft? Written);
