namespace GeoServer.Data.PostGis;

/// <summary>What a <see cref="PostGisStore"/> publishes and how long a statement may run.</summary>
public sealed class PostGisStoreOptions
{
    /// <summary>
    /// Schemas whose spatial tables and views are discovered; null for every schema the connecting role can read
    /// (the system schemas excepted).
    /// </summary>
    public IReadOnlyList<string>? Schemas { get; init; }

    /// <summary>
    /// Tables to publish instead of discovering them, named as they are published ("schema.table", or "table" in
    /// the public schema). Listed tables may lack geometry (published as attribute tables); a listed table that is
    /// missing or has no usable key fails the store. Null: discover every table and view with a geometry column.
    /// </summary>
    public IReadOnlyList<string>? Tables { get; init; }

    /// <summary>
    /// The server cancels any statement running longer than this (PostgreSQL's statement_timeout, sent when each
    /// connection starts), unless the connection string's Options already set one.
    /// </summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Install change triggers on every published table with geometry and report changes (<see cref="PostGisStore.ListenAsync"/>).</summary>
    public bool ListenForChanges { get; init; }
}
