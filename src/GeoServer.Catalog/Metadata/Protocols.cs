namespace GeoServer.Catalog.Metadata;

/// <summary>
/// Protocol names of online resources as catalogues commonly write them (the GeoNetwork/pycsw vocabulary), so that
/// clients such as QGIS's MetaSearch recognise a WMS link and can add it as a layer.
/// </summary>
public static class Protocols
{
    public const string Wms = "OGC:WMS";
    public const string Wmts = "OGC:WMTS";
    public const string Csw = "OGC:CSW";
    public const string OgcApiFeatures = "OGC:API-Features";
    public const string OgcApiTiles = "OGC:API-Tiles";
    public const string OgcApiRecords = "OGC:API-Records";
    public const string Link = "WWW:LINK";

    /// <summary>A file to download (GeoNetwork's name, which QGIS's MetaSearch shows as a download).</summary>
    public const string Download = "WWW:DOWNLOAD-1.0-http--download";
}
