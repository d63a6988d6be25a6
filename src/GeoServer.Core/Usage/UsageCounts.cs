namespace GeoServer.Core.Usage;

/// <summary>Requests answered, features returned and response bytes sent.</summary>
public readonly record struct UsageCounts(long Requests, long Features, long Bytes);
