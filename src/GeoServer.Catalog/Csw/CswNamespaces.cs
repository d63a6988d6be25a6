namespace GeoServer.Catalog.Csw;

/// <summary>The XML namespaces and schema locations of CSW 2.0.2, Dublin Core, OGC Filter 1.1, OWS 1.0 and ISO 19139.</summary>
public static class CswNamespaces
{
    public const string Csw = "http://www.opengis.net/cat/csw/2.0.2";
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Ows = "http://www.opengis.net/ows";
    public const string Ogc = "http://www.opengis.net/ogc";
    public const string Gml = "http://www.opengis.net/gml";
    public const string Gmd = "http://www.isotc211.org/2005/gmd";
    public const string Gco = "http://www.isotc211.org/2005/gco";
    public const string Srv = "http://www.isotc211.org/2005/srv";
    public const string Xlink = "http://www.w3.org/1999/xlink";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string Xs = "http://www.w3.org/2001/XMLSchema";

    public const string CswSchemaLocation = Csw + " http://schemas.opengis.net/csw/2.0.2/CSW-discovery.xsd";
    public const string CswRecordSchemaLocation = "http://schemas.opengis.net/csw/2.0.2/record.xsd";
    public const string GmdSchemaLocation = Gmd + " http://schemas.opengis.net/iso/19139/20060504/gmd/gmd.xsd";
    public const string OwsExceptionSchemaLocation = Ows + " http://schemas.opengis.net/ows/1.0.0/owsExceptionReport.xsd";
}
