namespace GeoServer.Core.Sources;

/// <summary>One attribute column of a feature source, named as in the store.</summary>
public sealed record PropertyInfo(string Name, PropertyType Type);
