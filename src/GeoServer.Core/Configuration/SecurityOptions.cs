namespace GeoServer.Core.Configuration;

/// <summary>
/// Who may authenticate: API keys (for programs; header <c>X-API-Key</c> or parameter <c>api_key</c>) and users
/// (HTTP Basic, for desktop GIS). Only hashes are configured, never the secrets (<c>geosdi key</c> makes both).
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>API keys by a name that identifies them in logs and usage reports.</summary>
    public Dictionary<string, CredentialOptions> ApiKeys { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Requests per minute from one address without credentials; 0 = no limit.</summary>
    public int AnonymousRequestsPerMinute { get; init; }

    /// <summary>Users by login name.</summary>
    public Dictionary<string, CredentialOptions> Users { get; init; } = new(StringComparer.Ordinal);
}
