using System.Collections.Concurrent;
using System.Security.Claims;
using GeoServer.Core.Configuration;
using GeoServer.Core.Security;

namespace GeoServer.Host.Security;

/// <summary>
/// The configured API keys and users, checked at start-up, turned into the principal a request runs as. A key is
/// found by its hash; a password is verified with PBKDF2 (slow by design), and a verified password is remembered for
/// a few minutes so a desktop client sending Basic on every tile does not pay that each time.
/// </summary>
public sealed class Credentials
{
    public const string Scheme = "GeoSdi";
    private static readonly TimeSpan PasswordMemory = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, ClaimsPrincipal> _keysByHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CredentialOptions Options, ClaimsPrincipal Principal)> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (byte[] Digest, long Until)> _verified = new(StringComparer.Ordinal);
    // Remembered passwords are kept only as a keyed digest whose key dies with the process.
    private readonly byte[] _memoryKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public Credentials(SecurityOptions security, IReadOnlyCollection<string> workspaces)
    {
        foreach (var (name, key) in security.ApiKeys)
        {
            if (!key.Hash.StartsWith("sha256:", StringComparison.Ordinal) || key.Hash.Length != 7 + 64)
                throw new InvalidOperationException($"Security:ApiKeys:{name}: Hash must be \"sha256:\" and 64 hex digits (run `geosdi key`).");
            _keysByHash[key.Hash.ToLowerInvariant()] = Principal("key:" + name, key, workspaces, $"Security:ApiKeys:{name}");
        }
        foreach (var (name, user) in security.Users)
        {
            if (!user.Hash.StartsWith("pbkdf2-sha256:", StringComparison.Ordinal))
                throw new InvalidOperationException($"Security:Users:{name}: Hash must be a \"pbkdf2-sha256:…\" hash (run `geosdi key --password`).");
            _users[name] = (user, Principal(name, user, workspaces, $"Security:Users:{name}"));
        }
    }

    public ClaimsPrincipal? FindApiKey(string key) =>
        _keysByHash.GetValueOrDefault(SecretHash.OfApiKey(key));

    public ClaimsPrincipal? FindUser(string name, string password)
    {
        if (!_users.TryGetValue(name, out var user)) return null;
        var digest = System.Security.Cryptography.HMACSHA256.HashData(_memoryKey, System.Text.Encoding.UTF8.GetBytes(password));
        if (_verified.TryGetValue(name, out var known) && known.Until > Environment.TickCount64
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(known.Digest, digest))
            return user.Principal;
        if (!SecretHash.VerifyPassword(password, user.Options.Hash)) return null;
        _verified[name] = (digest, Environment.TickCount64 + (long)PasswordMemory.TotalMilliseconds);
        return user.Principal;
    }

    private static ClaimsPrincipal Principal(string name, CredentialOptions options, IReadOnlyCollection<string> workspaces, string where)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, Roles.Agency) };
        if (options.RequestsPerMinute > 0)
            claims.Add(new(RateLimits.Claim, options.RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (options.Role == Role.Admin) claims.Add(new(ClaimTypes.Role, Roles.Admin));
        else if (options.Role != Role.Agency)
        {
            if (options.Workspaces.Count == 0)
                throw new InvalidOperationException($"{where}: role {options.Role} needs Workspaces.");
            foreach (var ws in options.Workspaces)
            {
                if (!workspaces.Contains(ws)) throw new InvalidOperationException($"{where}: no workspace '{ws}'.");
                claims.Add(new(ClaimTypes.Role, Roles.MemberOf(ws)));
                if (options.Role >= Role.Editor) claims.Add(new(ClaimTypes.Role, Roles.EditorOf(ws)));
                if (options.Role >= Role.WorkspaceAdmin) claims.Add(new(ClaimTypes.Role, Roles.AdminOf(ws)));
            }
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
