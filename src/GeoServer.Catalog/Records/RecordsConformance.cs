namespace GeoServer.Catalog.Records;

/// <summary>The OGC API – Records – Part 1 conformance classes this server implements, each URI spelled once.</summary>
public static class RecordsConformance
{
    private const string Base = "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/";

    public static readonly IReadOnlyList<string> Classes =
    [
        Base + "record-core",
        Base + "record-collection",
        Base + "record-api",
        Base + "sorting",
        Base + "json",
        Base + "html",
    ];

    /// <summary>What each record says it conforms to.</summary>
    public const string RecordCore = "http://www.opengis.net/spec/ogcapi-records-1/1.0/req/record-core";
}
