namespace GeoServer.Core.Sources;

/// <summary>An attribute equality test; <see cref="Value"/> is already converted to the property's type.</summary>
public sealed record PropertyEquals(PropertyInfo Property, object Value);
