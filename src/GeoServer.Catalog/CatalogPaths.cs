namespace GeoServer.Catalog;

/// <summary>
/// The server paths records link to and the catalog serves. The catalog cannot reference the other protocol areas,
/// so their public paths (which the README documents) are written here once.
/// </summary>
public static class CatalogPaths
{
    public const string OgcApi = "/ogc";
    public const string Wms = "/wms";
    public const string Wmts = "/wmts";
    public const string Csw = "/csw";

    /// <summary>The record collection's id under /ogc/collections.</summary>
    public const string RecordsCollectionId = "catalog";

    public static string Collection(string id) => $"{OgcApi}/collections/{Uri.EscapeDataString(id)}";

    public static string Items(string id) => Collection(id) + "/items";

    public static string Tilesets(string id) => Collection(id) + "/tiles";

    /// <summary>The download package of a layer in a format ("gpkg", "tif").</summary>
    public static string Download(string id, string format) => Collection(id) + "/download?f=" + format;

    public static string WorkspaceCsw(string workspace) => $"/ws/{Uri.EscapeDataString(workspace)}/csw";

    public static string Capabilities(string path, string service) => $"{path}?service={service}&request=GetCapabilities";

    public static string RecordsCollection => Collection(RecordsCollectionId);

    public static string RecordItem(string recordId) => Items(RecordsCollectionId) + "/" + Uri.EscapeDataString(recordId);
}
