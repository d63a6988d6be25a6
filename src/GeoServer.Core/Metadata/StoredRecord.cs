namespace GeoServer.Core.Metadata;

/// <summary>
/// A catalog record as a repository keeps it: its id, the record as a document the catalog writes and reads (the
/// repository never looks inside), when it last changed, and where it came from (a harvested endpoint, or null for
/// a record inserted by a CSW Transaction).
/// </summary>
public sealed record StoredRecord(string Id, string Document, DateTimeOffset Modified, string? Source);
