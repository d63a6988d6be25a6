namespace GeoServer.Tests.Support;

/// <summary>Test classes marked [Collection(GeoSdiServerCollection.Name)] share one running server.</summary>
[CollectionDefinition(Name)]
public sealed class GeoSdiServerCollection : ICollectionFixture<GeoSdiServer>
{
    public const string Name = "GeoSDI server";
}
