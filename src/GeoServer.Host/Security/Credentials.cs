using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using GeoServer.Core.Configuration;
using GeoServer.Core.Security;

namespace GeoServer.Host.Security;

/// <summary>
/// The API keys and users (of the configuration file, checked at start-up, and of the configuration database, put
/// through the admin API), turned into the principal a request runs as. A key is found by its hash; a password is
/// verified with PBKDF2 (slow by design), and a verified password is remembered for a few minutes so a desktop client
/// sending Basic on every tile does not pay that each time. <see cref="Replace"/> swaps the set at once.
/// </summary>
public sealed class Credentials
{
    public const string Scheme = "GeoSdi";
    private static readonly TimeSpan PasswordMemory = TimeSpan.FromMinutes(5);
    // Remembered passwords are kept only as a keyed digest whose key dies with the process.
    private readonly byte[] _memoryKey = RandomNumberGenerator.GetBytes(32);
    private volatile Snapshot _current;

    /// <summary>
    /// Passwords verified lately, by user: the digest covers the stored hash too, so an entry outlives configuration
    /// reloads (a reload elsewhere in the cluster must not make every Basic client pay PBKDF2 again) yet never
    /// matches once the user's password changed.
    /// </summary>
    private readonly ConcurrentDictionary<string, (byte[] Digest, long Until)> _verified = new(StringComparer.Ordinal);

    /// <summary>The file's credentials; a malformed hash, a missing or unknown workspace stops start-up.</summary>
    public Credentials(SecurityOptions security, IReadOnlyCollection<string> workspaces)
    {
        File = security;
        _current = new Snapshot(security, workspaces, strict: true, log: null);
    }

    /// <summary>The configuration file's credentials, which the database's are added to.</summary>
    public SecurityOptions File { get; }

    /// <summary>
    /// The file's credentials plus <paramref name="added"/> (the database's); a database credential that no longer
    /// fits (its workspace was deleted) is left out and logged, not fatal.
    /// </summary>
    public void Replace(SecurityOptions added, IReadOnlyCollection<string> workspaces, ILogger log)
    {
        var merged = new SecurityOptions
        {
            AnonymousRequestsPerMinute = File.AnonymousRequestsPerMinute,
            ApiKeys = File.ApiKeys.Concat(added.ApiKeys.Where(k => !File.ApiKeys.ContainsKey(k.Key))).ToDictionary(StringComparer.Ordinal),
            Users = File.Users.Concat(added.Users.Where(u => !File.Users.ContainsKey(u.Key))).ToDictionary(StringComparer.Ordinal),
        };
        _current = new Snapshot(merged, workspaces, strict: false, log);
    }

    public ClaimsPrincipal? FindApiKey(string key) => _current.KeysByHash.GetValueOrDefault(SecretHash.OfApiKey(key));

    public ClaimsPrincipal? FindUser(string name, string password)
    {
        var current = _current;
        if (!current.Users.TryGetValue(name, out var user)) return null;
        var digest = HMACSHA256.HashData(_memoryKey, Encoding.UTF8.GetBytes(user.Options.Hash + "\n" + password));
        if (_verified.TryGetValue(name, out var known) && known.Until > Environment.TickCount64
            && CryptographicOperations.FixedTimeEquals(known.Digest, digest))
            return user.Principal;
        if (!SecretHash.VerifyPassword(password, user.Options.Hash)) return null;
        _verified[name] = (digest, Environment.TickCount64 + (long)PasswordMemory.TotalMilliseconds);
        return user.Principal;
    }

    private sealed class Snapshot
    {
        public Dictionary<string, ClaimsPrincipal> KeysByHash { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (CredentialOptions Options, ClaimsPrincipal Principal)> Users { get; } = new(StringComparer.Ordinal);

        public Snapshot(SecurityOptions security, IReadOnlyCollection<string> workspaces, bool strict, ILogger? log)
        {
            foreach (var (name, key) in security.ApiKeys)
                Add($"Security:ApiKeys:{name}", log, strict, () =>
                {
                    if (!key.Hash.StartsWith("sha256:", StringComparison.Ordinal) || key.Hash.Length != 7 + 64)
                        throw new InvalidOperationException($"Security:ApiKeys:{name}: Hash must be \"sha256:\" and 64 hex digits (run `geosdi key`).");
                    KeysByHash[key.Hash.ToLowerInvariant()] = Principal(Roles.KeyCaller(name), key, workspaces, $"Security:ApiKeys:{name}");
                });
            foreach (var (name, user) in security.Users)
                Add($"Security:Users:{name}", log, strict, () =>
                {
                    if (!user.Hash.StartsWith("pbkdf2-sha256:", StringComparison.Ordinal))
                        throw new InvalidOperationException($"Security:Users:{name}: Hash must be a \"pbkdf2-sha256:…\" hash (run `geosdi key --password`).");
                    Users[name] = (user, Principal(name, user, workspaces, $"Security:Users:{name}"));
                });
        }

        private static void Add(string what, ILogger? log, bool strict, Action add)
        {
            try
            {
                add();
            }
            catch (InvalidOperationException e) when (!strict)
            {
                log?.LogWarning("{Credential} is not in force: {Reason}", what, e.Message);
            }
        }
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
