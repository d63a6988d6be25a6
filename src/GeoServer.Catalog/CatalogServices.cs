using GeoServer.Catalog.Registration;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;
using Microsoft.Extensions.DependencyInjection;

namespace GeoServer.Catalog;

/// <summary>Registers the catalog: the live <see cref="RecordCatalog"/> over the layer registry, and its options.</summary>
public static class CatalogServices
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, CatalogOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => new RecordCatalog(sp.GetRequiredService<LayerRegistry>(), sp.GetRequiredService<ServerOptions>(), options));
        return services;
    }
}
