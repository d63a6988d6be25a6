namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>Test classes of this collection share one <see cref="GeoPackageDownloadServer"/> and run one after another, so a test can watch the download folder empty.</summary>
[CollectionDefinition(Name)]
public sealed class GeoPackageDownloadCollection : ICollectionFixture<GeoPackageDownloadServer>
{
    public const string Name = "GeoPackage downloads";
}
