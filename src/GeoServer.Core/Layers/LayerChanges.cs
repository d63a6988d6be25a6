namespace GeoServer.Core.Layers;

/// <summary>
/// Where a committed edit is announced, so every derived copy (cached tiles, catalog extents) follows it. One per
/// server; subscribers run synchronously on the writer's request, after the commit and before its response.
/// </summary>
public sealed class LayerChanges
{
    private readonly List<Action<LayerDataChange>> _subscribers = [];
    private readonly Lock _lock = new();

    public void Subscribe(Action<LayerDataChange> subscriber)
    {
        lock (_lock) _subscribers.Add(subscriber);
    }

    public void Publish(LayerDataChange change)
    {
        Action<LayerDataChange>[] subscribers;
        lock (_lock) subscribers = [.. _subscribers];
        foreach (var s in subscribers) s(change);
    }
}
