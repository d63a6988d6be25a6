using GeoServer.Tests.Support;
using Xunit;

namespace GeoServer.Tests.Ogc.Editing;

/// <summary>Part 4 on a copy of the parcels in a scratch schema of the test PostGIS database.</summary>
[Trait("Needs", "PostGIS")]
public sealed class PostGisFeatureEditingTests : FeatureEditingContract
{
    private PostGisScratchSchema? _schema;

    protected override string CollectionId => $"ha-noi:{_schema!.Name}.parcels";

    protected override async Task<object> CreateStoreAsync()
    {
        _schema = await EditingServer.CreateParcelsCopyAsync();
        return new { Type = "postgis", ConnectionString = PostGisDatabase.ConnectionString, Tables = new[] { _schema.Name + ".parcels" }, AutoPublish = true };
    }

    protected override Task<long> CountInStoreAsync() => PostGisDatabase.ScalarAsync<long>($"SELECT count(*) FROM {_schema!.Name}.parcels");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_schema is not null) await _schema.DisposeAsync();
    }
}
