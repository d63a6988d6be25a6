namespace GeoServer.Catalog.Csw;

/// <summary>The names CSW 2.0.2 requests and responses use: version, record types, element sets, result types, exception codes.</summary>
public static class CswNames
{
    public const string Service = "CSW";
    public const string Version = "2.0.2";
    public const string OwsVersion = "1.2.0";

    public const string RecordTypeName = "csw:Record";
    public const string IsoTypeName = "gmd:MD_Metadata";

    public const string Brief = "brief", Summary = "summary", Full = "full";
    public const string Hits = "hits", Results = "results", Validate = "validate";
    public const string Filter = "FILTER", CqlText = "CQL_TEXT";
    public const string XmlMediaType = "application/xml";

    public const string GetCapabilities = "GetCapabilities", DescribeRecord = "DescribeRecord", GetRecords = "GetRecords",
        GetRecordById = "GetRecordById", GetDomain = "GetDomain", Transaction = "Transaction", Harvest = "Harvest";

    public static readonly string[] Operations = [GetCapabilities, DescribeRecord, GetRecords, GetRecordById, GetDomain, Transaction, Harvest];

    // OWS 1.0.0 exception codes (OGC 05-008 table 25) used by CSW 2.0.2.
    public const string MissingParameterValue = "MissingParameterValue", InvalidParameterValue = "InvalidParameterValue",
        OperationNotSupported = "OperationNotSupported", VersionNegotiationFailed = "VersionNegotiationFailed",
        NoApplicableCode = "NoApplicableCode";
}
