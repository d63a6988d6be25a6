namespace GeoServer.Host.Import;

/// <summary>What an import published: the layer id, where the data went, and what they are.</summary>
public sealed record ImportResult(string Id, string Type, long Features, string GeometryType, int Srid, bool Replaced, string Location);
