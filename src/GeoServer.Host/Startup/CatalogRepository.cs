using GeoServer.Catalog;
using GeoServer.Core.Metadata;
using GeoServer.Data.Metadata;

namespace GeoServer.Host.Startup;

/// <summary>Opens the catalog's store of external records: the SQLite file the configuration names, or none (in memory).</summary>
public static class CatalogRepository
{
    public static IMetadataRepository? Open(CatalogOptions options, string baseDirectory) =>
        string.IsNullOrWhiteSpace(options.Database) ? null : new SqliteMetadataRepository(Path.GetFullPath(options.Database, baseDirectory));
}
