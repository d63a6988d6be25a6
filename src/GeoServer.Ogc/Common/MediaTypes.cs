namespace GeoServer.Ogc.Common;

/// <summary>Media types used by the OGC API, each spelled once.</summary>
public static class MediaTypes
{
    public const string Json = "application/json";
    public const string GeoJson = "application/geo+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string Html = "text/html";
    public const string ProblemJson = "application/problem+json";
    public const string OpenApiJson = "application/vnd.oai.openapi+json;version=3.0";
    public const string SchemaJson = "application/schema+json";
}
