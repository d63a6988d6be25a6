namespace GeoServer.Core.Usage;

/// <summary>
/// A request's own contribution to metering, set on the HTTP context by the host: services that return features
/// add how many they wrote (the host counts requests and bytes itself).
/// </summary>
public sealed class RequestUsage
{
    private long _features;

    public long Features => Interlocked.Read(ref _features);

    public void AddFeatures(long count) => Interlocked.Add(ref _features, count);
}
