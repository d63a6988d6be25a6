namespace GeoServer.Core.Sources;

/// <summary>Keep features whose <see cref="Property"/> (instant or interval) intersects <see cref="Interval"/>.</summary>
public sealed record TemporalFilter(TemporalProperty Property, TimeInterval Interval);
