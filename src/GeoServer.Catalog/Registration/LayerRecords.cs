using GeoServer.Catalog.Metadata;
using GeoServer.Core.Configuration;
using GeoServer.Core.Downloads;
using GeoServer.Core.Layers;

namespace GeoServer.Catalog.Registration;

/// <summary>
/// Derives a layer's record: identity, extent, time, CRS, access and links from the layer itself (so they cannot
/// drift from what the services serve), descriptive fields from the layer and its <see cref="RecordOptions"/>: those
/// put through the admin API over those of the configuration file.
/// </summary>
public static class LayerRecords
{
    /// <param name="stored">The layer's fields from the configuration database, or null.</param>
    public static MetadataRecord From(LayerInfo layer, ServerOptions server, CatalogOptions catalog, DateTimeOffset modified, RecordOptions? stored = null)
    {
        var configured = catalog.For(layer.Workspace.Id, layer.Name);
        var options = stored?.Over(configured) ?? configured ?? new RecordOptions();
        bool spatial = layer.Schema.HasGeometry;
        var keywords = new List<KeywordSet> { new((options.Keywords ?? layer.Keywords).Select(k => new LocalizedText(k)).ToList()) };
        if (options.KeywordsEn is { Count: > 0 } english)
            keywords.Add(new KeywordSet(english.Select(k => new LocalizedText(k)).ToList()));
        keywords.Add(new KeywordSet([Translated(layer.Workspace.Title, null)], "GeoSDI workspaces", "place"));
        foreach (var set in options.Thesauri ?? [])
            keywords.Add(new KeywordSet(set.Keywords.Select(k => new LocalizedText(k)).ToList(), set.Thesaurus, set.Type));

        return new MetadataRecord
        {
            Id = layer.Id,
            Type = spatial ? RecordType.Dataset : RecordType.NonGeographicDataset,
            Origin = RecordOrigin.Layer,
            Title = Translated(options.Title ?? layer.Title, options.TitleEn),
            Abstract = (options.Abstract ?? layer.Abstract ?? options.AbstractEn) is { } text ? Translated(text, options.AbstractEn) : null,
            Keywords = keywords,
            TopicCategories = options.TopicCategories ?? [],
            Contacts =
            [
                ServiceRecords.Publisher(server.Contact),
                .. options.Contacts?.Select(Party) ?? [new ResponsibleParty { Organisation = layer.Workspace.Title, Role = RoleCode.Custodian }],
            ],
            Lineage = options.Lineage is not null ? Translated(options.Lineage, options.LineageEn)
                : layer.Attribution is not null ? new LocalizedText(layer.Attribution) : null,
            QualityStatement = options.QualityStatement is { } quality ? Translated(quality, options.QualityStatementEn) : null,
            Extent = layer.WgsExtent,
            Time = layer.TemporalExtent is { } t ? new TemporalExtent(t.Start, t.End) : null,
            ReferenceSystem = layer.StorageCrs?.Uri,
            Resolution = options.ScaleDenominator is { } scale ? new SpatialResolution(scale) : null,
            Constraints = new ResourceConstraints
            {
                Licence = options.Licence ?? catalog.Licence,
                LicenceUrl = options.LicenceUrl ?? catalog.LicenceUrl,
                Access = layer.Access,
                UseLimitation = options.UseLimitation ?? layer.Attribution,
            },
            Distribution = new Distribution(
                (spatial ? ["GeoJSON", "PNG", "JPEG", "Mapbox Vector Tile"] : new[] { "GeoJSON" })
                    .Concat(DownloadFormats.For(layer).Select(f => f.Name)).Distinct().ToList(),
                Links(layer)),
            UpdateFrequency = options.UpdateFrequency ?? catalog.UpdateFrequency,
            NextReview = options.NextReview,
            Language = Languages.Vietnamese,
            Modified = modified,
            Workspace = layer.Workspace.Id,
            LayerId = layer.Id,
        };
    }

    private static ResponsibleParty Party(PartyOptions p) => new()
    {
        Organisation = Translated(p.Organisation, p.OrganisationEn),
        Individual = p.Individual,
        Position = p.Position,
        Email = p.Email,
        Phone = p.Phone,
        City = p.City,
        Country = p.Country,
        Url = p.Url,
        Role = p.Role,
    };

    private static LocalizedText Translated(string text, string? english) =>
        english is null ? new LocalizedText(text) : new LocalizedText(text, new Dictionary<string, string> { [Languages.English] = english });

    private static List<OnlineResource> Links(LayerInfo layer)
    {
        var links = new List<OnlineResource>
        {
            new(CatalogPaths.Collection(layer.Id), Protocols.OgcApiFeatures, layer.Id, "OGC API – Features collection", "application/json", "information"),
            new(CatalogPaths.Items(layer.Id), Protocols.Link, layer.Id, "Features as GeoJSON", "application/geo+json", "download"),
        };
        if (layer.Schema.HasGeometry)
        {
            links.Add(new(CatalogPaths.Wms, Protocols.Wms, layer.Id, "WMS map layer", "image/png"));
            links.Add(new(CatalogPaths.Wmts, Protocols.Wmts, layer.Id, "WMTS tile layer", "image/png"));
            links.Add(new(CatalogPaths.Tilesets(layer.Id), Protocols.OgcApiTiles, layer.Id, "OGC API – Tiles vector tilesets", "application/json"));
        }
        foreach (var format in DownloadFormats.For(layer))
            links.Add(new(CatalogPaths.Download(layer.Id, format.Key), Protocols.Download, layer.Id,
                $"{format.Name} download (zip with README)", DownloadFormat.ZipMediaType, "download"));
        return links;
    }
}
