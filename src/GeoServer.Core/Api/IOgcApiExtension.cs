using System.Security.Claims;
using GeoServer.Core.Layers;

namespace GeoServer.Core.Api;

/// <summary>
/// A part of the OGC API at /ogc contributed by an area other than the one that owns /ogc (e.g. OGC API – Tiles from
/// the tiles area). Protocol projects never reference each other, so the OGC API area reads every registered
/// extension from dependency injection and adds its conformance classes, links and operations to the landing page,
/// the conformance declaration, the collection documents and the OpenAPI document. Implementations are singletons
/// and must be thread-safe.
/// </summary>
public interface IOgcApiExtension
{
    /// <summary>The conformance class URIs the extension implements (added to /conformance).</summary>
    IEnumerable<string> ConformanceClasses { get; }

    /// <summary>Links for the landing page.</summary>
    /// <param name="ogcRoot">The absolute URL of the API root as the caller reached it, without a trailing slash.</param>
    IEnumerable<ApiLink> LandingLinks(string ogcRoot);

    /// <summary>Links for the document of one collection (a layer the caller may see; the caller has checked access).</summary>
    /// <param name="ogcRoot">The absolute URL of the API root as the caller reached it, without a trailing slash.</param>
    /// <param name="layer">The collection's layer.</param>
    IEnumerable<ApiLink> CollectionLinks(string ogcRoot, LayerInfo layer);

    /// <summary>The operations the extension serves, for the OpenAPI document.</summary>
    IEnumerable<ApiOperation> Operations { get; }

    /// <summary>
    /// Collections the extension adds to /collections besides the layers (the catalog's records), as
    /// <paramref name="caller"/> may see them; none by default.
    /// </summary>
    /// <param name="ogcRoot">The absolute URL of the API root as the caller reached it, without a trailing slash.</param>
    /// <param name="caller">Who asks.</param>
    IEnumerable<ApiCollection> Collections(string ogcRoot, ClaimsPrincipal caller) => [];
}
