using GeoServer.Core.Editing;
using GeoServer.Core.Sources;
using GeoServer.Core.Spatial;
using NetTopologySuite.Geometries;

namespace GeoServer.Data.Editing;

/// <summary>
/// Plays edits through a store's steps inside the caller's transaction: a changed feature is read under its lock
/// and its entity tag compared with If-Match before anything is written, and what the result reports (new keys,
/// envelopes before and after, each change for the audit) is gathered the same way for every store.
/// </summary>
internal static class FeatureEditPlayback
{
    public static async Task<FeatureEditResult> PlayAsync<TConnection>(IReadOnlyList<FeatureEdit> edits, IFeatureEditSteps<TConnection> steps,
        TConnection connection, CancellationToken ct)
    {
        var inserted = new List<long>();
        var areas = new List<BBox>();
        var changes = new List<FeatureChange>();
        foreach (var edit in edits)
        {
            ct.ThrowIfCancellationRequested();
            switch (edit)
            {
                case FeatureEdit.Insert insert:
                    inserted.Add(await steps.InsertAsync(connection, insert.Feature, ct));
                    AddArea(areas, insert.Feature.Geometry);
                    changes.Add(new FeatureChange("create", inserted[^1], null, insert.Feature));
                    break;
                case FeatureEdit.Replace replace:
                    var replaced = await CurrentAsync(steps, connection, replace.Id, replace.IfMatch, ct);
                    await steps.UpdateAsync(connection, replace.Id, replace.Feature, everyColumn: true, ct);
                    AddArea(areas, replaced.Geometry);
                    AddArea(areas, replace.Feature.Geometry);
                    changes.Add(new FeatureChange("replace", replace.Id, replaced, replace.Feature));
                    break;
                case FeatureEdit.Patch patch:
                    var patched = await CurrentAsync(steps, connection, patch.Id, patch.IfMatch, ct);
                    await steps.UpdateAsync(connection, patch.Id, patch.Changes, everyColumn: false, ct);
                    AddArea(areas, patched.Geometry);
                    AddArea(areas, patch.Changes.SetsGeometry ? patch.Changes.Geometry : null);
                    changes.Add(new FeatureChange("update", patch.Id, patched, patch.Changes));
                    break;
                case FeatureEdit.Delete delete:
                    var deleted = await CurrentAsync(steps, connection, delete.Id, delete.IfMatch, ct);
                    await steps.DeleteAsync(connection, delete.Id, ct);
                    AddArea(areas, deleted.Geometry);
                    changes.Add(new FeatureChange("delete", delete.Id, deleted, null));
                    break;
            }
        }
        return new FeatureEditResult(inserted, areas, changes);
    }

    private static async Task<Feature> CurrentAsync<TConnection>(IFeatureEditSteps<TConnection> steps, TConnection connection, long id, string? ifMatch,
        CancellationToken ct)
    {
        var current = await steps.ReadForUpdateAsync(connection, id, ct)
            ?? throw new FeatureEditException(FeatureEditError.NotFound, $"No feature '{id}'.");
        if (ifMatch is not null && !FeatureTag.Matches(ifMatch, FeatureTag.Of(current)))
            throw new FeatureEditException(FeatureEditError.PreconditionFailed,
                $"Feature '{id}' has changed since it was read (If-Match {ifMatch}, now {FeatureTag.Of(current)}).");
        return current;
    }

    private static void AddArea(List<BBox> areas, Geometry? geometry)
    {
        if (geometry is { IsEmpty: false }) areas.Add(BBox.FromEnvelope(geometry.EnvelopeInternal));
    }
}
