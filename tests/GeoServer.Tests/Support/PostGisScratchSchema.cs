namespace GeoServer.Tests.Support;

/// <summary>A schema one test made in the test database; dropped, with everything in it, on dispose.</summary>
public sealed class PostGisScratchSchema(string name) : IAsyncDisposable
{
    public string Name { get; } = name;

    public async ValueTask DisposeAsync() => await PostGisDatabase.ExecuteAsync($"DROP SCHEMA {Name} CASCADE");
}
