using GeoServer.Core.Layers;

namespace GeoServer.Core.Metadata;

/// <summary>
/// What the catalog says of a layer beyond what the layer itself tells (its English title, its licence), for areas
/// that describe a layer outside the catalog, such as a download package's README. Implemented by the catalog;
/// thread-safe.
/// </summary>
public interface ILayerMetadata
{
    /// <summary>The catalog's facts about <paramref name="layer"/>, or null when it has no record of it.</summary>
    LayerMetadata? Of(LayerInfo layer);
}
