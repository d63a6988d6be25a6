using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Security;
using GeoServer.Core.Sources;

namespace GeoServer.Core.Layers;

/// <summary>Makes a published layer from what the store says of a table and what the configuration overrides.</summary>
public static class LayerBuilder
{
    public static async Task<Layer> BuildAsync(Workspace workspace, IFeatureSource source, StoreOptions store,
        LayerOptions? options, CrsRegistry crs, CancellationToken ct)
    {
        var info = source.Info;
        string id = workspace.Id + ":" + info.Name;
        CrsDefinition? storageCrs = null;
        if (info.Srid is { } srid)
            storageCrs = crs.FromEpsg(srid)
                ?? throw new InvalidDataException($"Layer '{id}': storage CRS EPSG:{srid} is not in the CRS registry.");

        var temporal = options?.Temporal is { } start ? new TemporalProperty(start, options.TemporalEnd) : info.Temporal;
        if (temporal is not null)
            foreach (var name in new[] { temporal.Start, temporal.End }.OfType<string>())
                if (info.Schema.Find(name) is null)
                    throw new InvalidDataException($"Layer '{id}': temporal property '{name}' is not a column of '{info.Name}'.");
        if (options?.Queryables?.FirstOrDefault(q => info.Schema.Find(q) is not { Type: not PropertyType.Binary }) is { } notQueryable)
            throw new InvalidDataException($"Layer '{id}': queryable '{notQueryable}' is not a column of '{info.Name}' that can be filtered by.");

        var layer = new LayerInfo
        {
            Id = id,
            Name = info.Name,
            Workspace = workspace,
            Title = options?.Title ?? info.Title ?? info.Name,
            Abstract = options?.Abstract ?? info.Description,
            Keywords = options?.Keywords ?? [workspace.Id, info.Schema.GeometryType?.ToLowerInvariant() ?? "attributes"],
            Attribution = options?.Attribution ?? store.Attribution,
            Access = options?.Access ?? store.Access,
            AllowedWorkspaces = options?.AllowedWorkspaces ?? [],
            AllowedCallers = (options?.AllowedKeys ?? []).Select(Roles.KeyCaller).Concat(options?.AllowedUsers ?? []).ToHashSet(StringComparer.Ordinal),
            Queryables = options?.Queryables,
            StorageCrs = storageCrs,
            StorageExtent = info.Extent,
            WgsExtent = info.Extent is { } e && storageCrs is not null ? crs.GetTransform(storageCrs, crs.Crs84).Transform(e) : null,
            Schema = info.Schema,
            Temporal = temporal,
            TemporalExtent = temporal is null ? null : await source.TemporalExtentAsync(temporal, ct),
        };
        return new Layer(layer, source);
    }

    /// <summary>A raster layer: its features are the raster's footprint, so every feature service lists it too.</summary>
    public static async Task<Layer> BuildAsync(Workspace workspace, IRasterSource raster, StoreOptions store,
        LayerOptions? options, CrsRegistry crs, CancellationToken ct)
    {
        var footprint = new RasterFootprintSource(raster.Info);
        var layer = await BuildAsync(workspace, footprint, store, options, crs, ct);
        return layer with
        {
            Info = layer.Info with { Raster = raster.Info, Keywords = options?.Keywords ?? [workspace.Id, "raster"] },
            Raster = raster,
        };
    }
}
