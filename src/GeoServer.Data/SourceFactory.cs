using GeoServer.Core.Configuration;
using GeoServer.Core.Sources;
using GeoServer.Data.Gdal;
using GeoServer.Data.GeoPackage;
using GeoServer.Data.PostGis;
using Microsoft.Extensions.Logging;

namespace GeoServer.Data;

/// <summary>The one place that knows every store type: a new store is a folder and an arm here.</summary>
public static class SourceFactory
{
    /// <summary>Opens the store described by <paramref name="options"/>; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static IStore OpenStore(StoreOptions options, string baseDirectory, ILoggerFactory? logging = null) =>
        options.Type.ToLowerInvariant() switch
    {
        "geopackage" or "gpkg" => new GeoPackageStore(Path.GetFullPath(
            options.Path ?? throw new InvalidDataException("A geopackage store needs a Path."), baseDirectory)),
        "postgis" or "postgresql" => new PostGisStore(
            options.ConnectionString ?? throw new InvalidDataException("A postgis store needs a ConnectionString."),
            new PostGisStoreOptions
            {
                Schemas = options.Schemas,
                Tables = options.Tables,
                StatementTimeout = TimeSpan.FromSeconds(options.StatementTimeoutSeconds),
                ListenForChanges = options.ListenForChanges,
            },
            logging),
        "gdal" or "raster" or "geotiff" or "cog" => new GdalStore(Path.GetFullPath(
            options.Path ?? throw new InvalidDataException("A gdal store needs a Path to a raster file (GeoTIFF, COG)."), baseDirectory)),
        "" => throw new InvalidDataException("The store has no Type."),
        var other => throw new InvalidDataException($"Unknown store type '{other}'. Known types: geopackage, postgis, gdal."),
    };
}
