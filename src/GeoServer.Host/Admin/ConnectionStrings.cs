using System.Text.RegularExpressions;

namespace GeoServer.Host.Admin;

/// <summary>
/// Connection-string passwords kept out of every answer and audit entry: shown as <see cref="Mask"/>, and a definition
/// sent back with the mask in place keeps the stored password (so an admin can GET, change a field and PUT).
/// </summary>
public static partial class ConnectionStrings
{
    public const string Mask = "***";

    // Password=… up to the next ';', or a quoted value that may itself hold ';' (quotes doubled inside).
    [GeneratedRegex("""(?i)(?<key>\b(?:password|pwd)\s*=\s*)(?<value>"(?:[^"]|"")*"|'(?:[^']|'')*'|[^;]*)""")]
    private static partial Regex Password();

    /// <summary>The connection string with its password replaced by <see cref="Mask"/>; null stays null.</summary>
    public static string? Masked(string? connectionString) =>
        connectionString is null ? null : Password().Replace(connectionString, m => m.Groups["key"].Value + Mask);

    /// <summary><paramref name="sent"/>, with the stored password put back where it carries the mask.</summary>
    public static string? Restored(string? sent, string? stored)
    {
        if (sent is null || stored is null || Password().Match(stored) is not { Success: true } original) return sent;
        return Password().Replace(sent, m => m.Groups["value"].Value.Trim() == Mask ? m.Groups["key"].Value + original.Groups["value"].Value : m.Value);
    }

    /// <summary><paramref name="text"/> (a store's error message) without the password of <paramref name="connectionString"/>.</summary>
    public static string Scrubbed(string text, string? connectionString)
    {
        if (connectionString is null || Password().Match(connectionString) is not { Success: true } m) return text;
        string password = m.Groups["value"].Value.Trim().Trim('"', '\'');
        text = text.Replace(connectionString, Masked(connectionString), StringComparison.Ordinal);
        return password.Length >= 3 ? text.Replace(password, Mask, StringComparison.Ordinal) : text;
    }
}
