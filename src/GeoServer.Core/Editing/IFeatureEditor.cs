namespace GeoServer.Core.Editing;

/// <summary>
/// A feature source that can be written (OGC API – Features Part 4). Sources that can are tested with <c>is</c>.
/// </summary>
public interface IFeatureEditor
{
    /// <summary>
    /// Applies the edits in one database transaction: all of them, or (on any exception) none. Rows being
    /// replaced, patched or deleted are locked while their entity tag is compared, so of two concurrent edits of
    /// one feature that both send the tag they read, exactly one commits.
    /// </summary>
    /// <exception cref="FeatureEditException">A feature is missing, its tag differs, or a value does not fit.</exception>
    Task<FeatureEditResult> ApplyAsync(IReadOnlyList<FeatureEdit> edits, CancellationToken ct);
}
