namespace GeoServer.Core.Sources;

/// <summary>One "sortby" term: a property and its direction.</summary>
public sealed record SortKey(PropertyInfo Property, bool Descending = false);
