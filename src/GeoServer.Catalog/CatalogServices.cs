using GeoServer.Catalog.Harvest;
using GeoServer.Catalog.Records;
using GeoServer.Catalog.Registration;
using GeoServer.Core.Api;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;
using GeoServer.Core.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace GeoServer.Catalog;

/// <summary>
/// Registers the catalog: the live <see cref="RecordCatalog"/> over the layer registry, its options, what it says of
/// each layer for other areas (<see cref="ILayerMetadata"/>), and OGC API – Records as an extension of the OGC API (its routes are mapped with <see cref="RecordsEndpoints.MapOgcRecords"/>).
/// </summary>
public static class CatalogServices
{
    /// <param name="repository">Where external records are kept; null keeps them in memory.</param>
    public static IServiceCollection AddCatalog(this IServiceCollection services, CatalogOptions options, IMetadataRepository? repository = null)
    {
        _ = new HarvestAllowList(options.HarvestAllowedHosts);   // a malformed entry stops start-up, naming it
        services.AddSingleton(options);
        services.AddSingleton(sp => new RecordCatalog(sp.GetRequiredService<LayerRegistry>(), sp.GetRequiredService<ServerOptions>(), options, repository));
        services.AddSingleton<IOgcApiExtension>(sp => new RecordsExtension(sp.GetRequiredService<RecordCatalog>()));
        services.AddSingleton<ILayerMetadata>(sp => new RecordLayerMetadata(sp.GetRequiredService<RecordCatalog>()));
        if (options.Harvest.Any(s => s.IntervalMinutes > 0)) services.AddHostedService<ScheduledHarvest>();
        return services;
    }
}
