using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>The download contract on GeoPackage stores.</summary>
[Collection(GeoPackageDownloadCollection.Name)]
public sealed class GeoPackageDownloadTests(GeoPackageDownloadServer fixture) : DownloadContract
{
    protected override GeoSdiProcess Server => fixture.Server;
    protected override string Places => "vn:populated_places";
    protected override string Parcels => "ha-noi:land_parcels_synthetic";
    protected override string Stations => "vn:monitoring_stations";
    protected override string Codes => "ha-noi:land_use_codes";
}
