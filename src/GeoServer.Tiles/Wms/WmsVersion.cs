namespace GeoServer.Tiles.Wms;

/// <summary>The WMS versions served and the negotiation rule of WMS 1.3.0 6.2.4.</summary>
public static class WmsVersion
{
    public const string V130 = "1.3.0";
    public const string V111 = "1.1.1";

    /// <summary>
    /// The version to answer with: the requested one when served; otherwise the highest served version lower
    /// than it, or the lowest served when it is lower than all; no request: the highest.
    /// </summary>
    public static string Negotiate(string? requested)
    {
        if (string.IsNullOrEmpty(requested) || !Version.TryParse(requested, out var wanted)) return V130;
        if (wanted >= new Version(1, 3, 0)) return V130;
        return V111;
    }

    /// <summary>The version of an operation request (its VERSION, or 1.3.0 when absent).</summary>
    public static string OfOperation(string? requested) =>
        requested is null ? V130
        : requested.StartsWith("1.3", StringComparison.Ordinal) ? V130
        : requested is "1.1.1" or "1.1.0" or "1.1" ? V111
        : throw WmsException.Invalid("version", $"'{requested}' is not served; use 1.3.0 or 1.1.1.");
}
