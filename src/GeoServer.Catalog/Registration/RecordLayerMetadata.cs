using GeoServer.Catalog.Metadata;
using GeoServer.Core.Layers;
using GeoServer.Core.Metadata;

namespace GeoServer.Catalog.Registration;

/// <summary>A layer's English title and licence read from its record, so a download's README says what the catalog says.</summary>
public sealed class RecordLayerMetadata(RecordCatalog catalog) : ILayerMetadata
{
    /// <inheritdoc />
    public LayerMetadata? Of(LayerInfo layer) =>
        catalog.Index.Find(layer.Id, r => r.Origin == RecordOrigin.Layer) is { } record
            ? new LayerMetadata(record.Title.Translations?.GetValueOrDefault(Languages.English),
                record.Constraints.Licence, record.Constraints.LicenceUrl)
            : null;
}
