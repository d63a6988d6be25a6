using GeoServer.Core.Security;

namespace GeoServer.Core.Configuration;

/// <summary>One API key or user: its secret's hash, its role and the workspaces the role applies to.</summary>
public sealed class CredentialOptions
{
    /// <summary>"sha256:{hex}" for API keys; "pbkdf2-sha256:{iterations}:{salt}:{hash}" (base64) for passwords.</summary>
    public string Hash { get; init; } = "";

    public Role Role { get; init; } = Role.Agency;

    /// <summary>Workspace ids the role applies to; required for Member, Editor and WorkspaceAdmin.</summary>
    public List<string> Workspaces { get; init; } = [];

    /// <summary>Requests per minute this key or user may make (429 with Retry-After beyond); 0 = no limit.</summary>
    public int RequestsPerMinute { get; init; }
}
