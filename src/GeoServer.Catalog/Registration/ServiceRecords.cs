using System.Security.Claims;
using GeoServer.Catalog.Metadata;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;
using GeoServer.Core.Spatial;

namespace GeoServer.Catalog.Registration;

/// <summary>
/// Records of the server's own endpoints (OGC API, WMS, WMTS, CSW): what a client adds as a service. Their extent is
/// the union of the layers anyone may see, so a service record reveals nothing of a restricted layer.
/// </summary>
public static class ServiceRecords
{
    /// <summary>Record ids of the endpoints.</summary>
    public const string OgcApiId = "service:ogcapi", WmsId = "service:wms", WmtsId = "service:wmts", CswId = "service:csw";

    public static IEnumerable<MetadataRecord> From(LayerRegistry layers, ServerOptions server, CatalogOptions catalog, DateTimeOffset modified)
    {
        var anyone = new ClaimsPrincipal(new ClaimsIdentity());
        var open = layers.Visible(anyone).Select(l => l.Info).ToList();
        BBox? extent = open.Select(l => l.WgsExtent).OfType<BBox>().Aggregate((BBox?)null, (all, box) => all?.Union(box) ?? box);

        MetadataRecord Service(string id, string type, string title, string titleEn, string description, OnlineResource link) => new()
        {
            Id = id,
            Type = RecordType.Service,
            Origin = RecordOrigin.Service,
            Title = new LocalizedText($"{server.Title} — {title}", new Dictionary<string, string> { [Languages.English] = $"{server.Title} — {titleEn}" }),
            Abstract = $"{description} {server.Description}",
            Keywords = [new KeywordSet([type, "GeoSDI"])],
            Contacts = [Publisher(server.Contact)],
            Extent = extent,
            ReferenceSystem = "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
            Constraints = new ResourceConstraints { Licence = catalog.Licence, LicenceUrl = catalog.LicenceUrl, UseLimitation = server.Attribution is null ? null : new LocalizedText(server.Attribution) },
            Distribution = new Distribution([], [link]),
            UpdateFrequency = MaintenanceFrequency.Continual,
            Modified = modified,
            ServiceType = type,
        };

        yield return Service(OgcApiId, Protocols.OgcApiFeatures, "OGC API", "OGC API", "OGC API – Features, Tiles and Records.",
            new(CatalogPaths.OgcApi, Protocols.OgcApiFeatures, null, "OGC API landing page", "application/json", "information"));
        yield return Service(WmsId, Protocols.Wms, "Dịch vụ bản đồ WMS", "Web Map Service", "WMS 1.3.0 and 1.1.1.",
            new(CatalogPaths.Capabilities(CatalogPaths.Wms, "WMS"), Protocols.Wms, null, "WMS capabilities", "text/xml", "information"));
        yield return Service(WmtsId, Protocols.Wmts, "Dịch vụ bản đồ nền WMTS", "Web Map Tile Service", "WMTS 1.0.0, KVP and RESTful.",
            new(CatalogPaths.Capabilities(CatalogPaths.Wmts, "WMTS"), Protocols.Wmts, null, "WMTS capabilities", "text/xml", "information"));
        yield return Service(CswId, Protocols.Csw, "Danh mục siêu dữ liệu CSW", "Catalogue Service", "CSW 2.0.2 with Dublin Core and ISO 19139.",
            new(CatalogPaths.Capabilities(CatalogPaths.Csw, "CSW"), Protocols.Csw, null, "CSW capabilities", "application/xml", "information"));
    }

    /// <summary>The server's operator as the publisher of every record it derives.</summary>
    public static ResponsibleParty Publisher(ContactOptions contact) => new()
    {
        Organisation = contact.Organization,
        Individual = contact.Person,
        Position = contact.Position,
        Email = contact.Email,
        Phone = contact.Phone,
        City = contact.City,
        Country = contact.Country,
        Role = RoleCode.Publisher,
    };
}
