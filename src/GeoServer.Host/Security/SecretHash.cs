using System.Security.Cryptography;
using System.Text;

namespace GeoServer.Host.Security;

/// <summary>
/// How secrets are stored: API keys (32 random bytes, so a plain SHA-256 cannot be guessed back) as "sha256:{hex}";
/// passwords, which people choose, as salted PBKDF2-SHA256 with many iterations.
/// </summary>
public static class SecretHash
{
    private const int Iterations = 210_000;   // OWASP's 2023 figure for PBKDF2-HMAC-SHA256

    public static string NewApiKey() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string OfApiKey(string key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string OfPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256:{Iterations}:{Convert.ToBase64String(salt)}:{Convert.ToBase64String(hash)}";
    }

    /// <summary>Whether the password matches a stored "pbkdf2-sha256:…" hash, compared in constant time.</summary>
    public static bool VerifyPassword(string password, string stored)
    {
        var parts = stored.Split(':');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], out int iterations) || iterations < 1) return false;
        byte[] salt, expected;
        try
        {
            (salt, expected) = (Convert.FromBase64String(parts[2]), Convert.FromBase64String(parts[3]));
        }
        catch (FormatException)
        {
            return false;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
