using GeoServer.Ogc.Common;
using GeoServer.Ogc.Coverages;
using GeoServer.Ogc.Downloads;
using GeoServer.Ogc.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoServer.Ogc;

/// <summary>Maps every OGC API route under /ogc; one error filter turns OgcException into the standard's error body.</summary>
public static class OgcApi
{
    public static RouteGroupBuilder MapOgcApi(this IEndpointRouteBuilder app)
    {
        var ogc = app.MapGroup(OgcPaths.Root).AddEndpointFilter<OgcErrorFilter>();
        ogc.MapGetAndHead("", CommonEndpoints.Landing);
        ogc.MapGetAndHead("/conformance", CommonEndpoints.ConformanceDeclaration);
        ogc.MapGetAndHead("/api", OpenApiDocument.Write);
        ogc.MapGetAndHead("/static/{**path}", CommonEndpoints.StaticFile);
        ogc.MapGetAndHead("/collections", FeatureEndpoints.Collections);
        ogc.MapGetAndHead("/collections/{collectionId}", FeatureEndpoints.Collection);
        ogc.MapGetAndHead("/collections/{collectionId}/items", FeatureEndpoints.Items);
        ogc.MapGetAndHead("/collections/{collectionId}/items/{featureId}", FeatureEndpoints.Item);
        ogc.MapPost("/collections/{collectionId}/items", FeatureEditEndpoints.Create);
        ogc.MapPut("/collections/{collectionId}/items/{featureId}", FeatureEditEndpoints.Replace);
        ogc.MapPatch("/collections/{collectionId}/items/{featureId}", FeatureEditEndpoints.Update);
        ogc.MapDelete("/collections/{collectionId}/items/{featureId}", FeatureEditEndpoints.Delete);
        ogc.MapGetAndHead("/collections/{collectionId}/queryables", FeatureEndpoints.QueryablesOf);
        ogc.MapGetAndHead("/collections/{collectionId}/schema", GmlApplicationSchema.Write);
        ogc.MapGetAndHead("/collections/{collectionId}/coverage", CoverageEndpoints.Coverage);
        ogc.MapGetAndHead("/collections/{collectionId}/download", DownloadEndpoints.Download);
        return ogc;
    }

    // HTTP requires HEAD wherever GET is allowed (RFC 9110 9.3.2); Kestrel drops the body of HEAD responses.
    private static void MapGetAndHead(this IEndpointRouteBuilder group, string pattern, Delegate handler) =>
        group.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);
}
