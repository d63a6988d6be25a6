namespace GeoServer.Core.Sources;

/// <summary>The attribute types a source reports, mapped onto JSON Schema types by the protocols.</summary>
public enum PropertyType { String, Integer, Number, Boolean, Date, DateTime, Binary }
