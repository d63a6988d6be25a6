using GeoServer.Core.Spatial;

namespace GeoServer.Core.Api;

/// <summary>
/// A collection an area adds to the OGC API's /collections besides the layers (the catalog's record collection),
/// described with the members every collection has; its own document and items are served by the area's routes.
/// </summary>
/// <param name="Id">The collection id, unique among collections and never of the "workspace:name" form layers use.</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Description">What the collection holds, or null.</param>
/// <param name="ItemType">What its items are ("record" for OGC API – Records, "feature").</param>
/// <param name="Links">Its links (self, items, alternate), absolute.</param>
/// <param name="Extent">Its spatial extent in CRS84, or null.</param>
public sealed record ApiCollection(string Id, string Title, string? Description, string ItemType, IReadOnlyList<ApiLink> Links,
    BBox? Extent = null);
