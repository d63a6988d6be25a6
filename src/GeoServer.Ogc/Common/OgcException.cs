namespace GeoServer.Ogc.Common;

/// <summary>
/// A client error or missing resource in an OGC API request; turned into problem details (RFC 9457) or an HTML
/// page by <see cref="OgcErrorFilter"/>. The message is shown to the client, so it names the problem plainly.
/// </summary>
public sealed class OgcException(int status, string title, string detail, string? parameter = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    /// <summary>The query parameter at fault, when one is.</summary>
    public string? Parameter { get; } = parameter;

    public static OgcException NotFound(string what) => new(404, "Not Found", what);

    public static OgcException BadParameter(string parameter, string detail) =>
        new(400, "Bad Request", $"Invalid value for parameter '{parameter}': {detail}", parameter);

    public static OgcException NotAcceptable(string detail) => new(406, "Not Acceptable", detail);
}
