using GeoServer.Ogc.Common;
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
        ogc.MapGet("", CommonEndpoints.Landing);
        ogc.MapGet("/conformance", CommonEndpoints.ConformanceDeclaration);
        ogc.MapGet("/api", OpenApiDocument.Write);
        ogc.MapGet("/static/{**path}", CommonEndpoints.StaticFile);
        ogc.MapGet("/collections", FeatureEndpoints.Collections);
        ogc.MapGet("/collections/{collectionId}", FeatureEndpoints.Collection);
        ogc.MapGet("/collections/{collectionId}/items", FeatureEndpoints.Items);
        ogc.MapGet("/collections/{collectionId}/items/{featureId}", FeatureEndpoints.Item);
        ogc.MapGet("/collections/{collectionId}/queryables", FeatureEndpoints.QueryablesOf);
        ogc.MapGet("/collections/{collectionId}/schema", GmlApplicationSchema.Write);
        return ogc;
    }
}
