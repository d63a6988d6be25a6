using GeoServer.Core.Configuration;

namespace GeoServer.Host.Admin;

/// <summary>What a layer's definition may name besides its own workspace: other workspaces, API keys, users, and its stored styles.</summary>
public sealed record WorkspaceReferences(IReadOnlySet<string> Workspaces, IReadOnlySet<string> Keys, IReadOnlySet<string> Users, IReadOnlyList<StoredStyle> Styles);
