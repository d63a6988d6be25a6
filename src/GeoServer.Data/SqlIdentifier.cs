namespace GeoServer.Data;

/// <summary>Quotes identifiers that come from the store's own catalog (never from a request).</summary>
internal static class SqlIdentifier
{
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
