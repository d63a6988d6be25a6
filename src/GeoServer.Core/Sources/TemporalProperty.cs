namespace GeoServer.Core.Sources;

/// <summary>
/// The attribute(s) that place a feature in time: one for instants, or start and end for intervals
/// (a null end value means still open).
/// </summary>
public sealed record TemporalProperty(string Start, string? End = null);
