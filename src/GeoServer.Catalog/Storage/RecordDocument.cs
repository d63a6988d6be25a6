using System.Text.Json;
using System.Text.Json.Serialization;
using GeoServer.Catalog.Metadata;
using GeoServer.Core.Metadata;

namespace GeoServer.Catalog.Storage;

/// <summary>
/// A <see cref="MetadataRecord"/> as the document a repository stores: the model's own JSON (enums by name), so a
/// stored record reads back equal whatever protocol inserted it.
/// </summary>
public static class RecordDocument
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static StoredRecord ToStored(MetadataRecord record, string? source) =>
        new(record.Id, JsonSerializer.Serialize(record, Options), record.Modified, source);

    /// <summary>The record, or null when the document no longer reads (it is then left out, not fatal).</summary>
    public static MetadataRecord? FromStored(StoredRecord stored)
    {
        try
        {
            return JsonSerializer.Deserialize<MetadataRecord>(stored.Document, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
