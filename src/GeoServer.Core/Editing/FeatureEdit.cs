namespace GeoServer.Core.Editing;

/// <summary>
/// One change to a layer's features (OGC API – Features Part 4). <see cref="IfMatch"/> is the entity tag the
/// client last read (<see cref="FeatureTag"/>); when given and the feature has changed since, the edit fails
/// with <see cref="FeatureEditError.PreconditionFailed"/>.
/// </summary>
public abstract record FeatureEdit
{
    private FeatureEdit() { }

    public sealed record Insert(FeatureDraft Feature) : FeatureEdit;

    public sealed record Replace(long Id, FeatureDraft Feature, string? IfMatch) : FeatureEdit;

    /// <summary>Sets only the properties (and geometry) the draft names.</summary>
    public sealed record Patch(long Id, FeatureDraft Changes, string? IfMatch) : FeatureEdit;

    public sealed record Delete(long Id, string? IfMatch) : FeatureEdit;
}
