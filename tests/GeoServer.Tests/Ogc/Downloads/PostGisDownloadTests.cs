using GeoServer.Tests.Support;

namespace GeoServer.Tests.Ogc.Downloads;

/// <summary>The download contract on a PostGIS store.</summary>
[Trait("Needs", "PostGIS")]
public sealed class PostGisDownloadTests(PostGisDownloadServer fixture) : DownloadContract, IClassFixture<PostGisDownloadServer>
{
    protected override GeoSdiProcess Server => fixture.Server;
    protected override string Places => "pg:base.populated_places";
    protected override string Parcels => "pg:land.land_parcels_synthetic";
    protected override string Stations => "pg:envmon.monitoring_stations";
    protected override string Codes => "pg:land.land_use_codes";
}
