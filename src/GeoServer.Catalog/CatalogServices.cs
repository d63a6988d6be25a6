using GeoServer.Catalog.Records;
using GeoServer.Catalog.Registration;
using GeoServer.Core.Api;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;
using Microsoft.Extensions.DependencyInjection;

namespace GeoServer.Catalog;

/// <summary>
/// Registers the catalog: the live <see cref="RecordCatalog"/> over the layer registry, its options, and OGC API –
/// Records as an extension of the OGC API (its routes are mapped with <see cref="RecordsEndpoints.MapOgcRecords"/>).
/// </summary>
public static class CatalogServices
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, CatalogOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => new RecordCatalog(sp.GetRequiredService<LayerRegistry>(), sp.GetRequiredService<ServerOptions>(), options));
        services.AddSingleton<IOgcApiExtension>(sp => new RecordsExtension(sp.GetRequiredService<RecordCatalog>()));
        return services;
    }
}
