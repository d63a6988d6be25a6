namespace GeoServer.Core.Api;

/// <summary>
/// A client error or missing resource in a request to the OGC API, whichever area serves the resource; the API's
/// error filter turns it into problem details (RFC 9457) or an HTML page. It lives in Core so that areas which
/// contribute routes to /ogc (see <see cref="IOgcApiExtension"/>) throw the one exception the filter handles. The
/// message is shown to the client, so it names the problem plainly.
/// </summary>
/// <param name="status">The HTTP status code.</param>
/// <param name="title">The status's short title, e.g. "Not Found".</param>
/// <param name="detail">What is wrong, for the client.</param>
/// <param name="parameter">The path or query parameter at fault, when one is.</param>
public class ApiException(int status, string title, string detail, string? parameter = null) : Exception(detail)
{
    /// <summary>The HTTP status code.</summary>
    public int Status { get; } = status;

    /// <summary>The status's short title, e.g. "Not Found".</summary>
    public string Title { get; } = title;

    /// <summary>The path or query parameter at fault, when one is.</summary>
    public string? Parameter { get; } = parameter;

    /// <summary>404: a resource that does not exist or that the caller may not see.</summary>
    public static ApiException NotFound(string what, string? parameter = null) => new(404, "Not Found", what, parameter);

    /// <summary>400: a parameter's value is invalid; the detail names the parameter.</summary>
    public static ApiException BadParameter(string parameter, string detail) =>
        new(400, "Bad Request", $"Invalid value for parameter '{parameter}': {detail}", parameter);

    /// <summary>406: no representation the client accepts.</summary>
    public static ApiException NotAcceptable(string detail) => new(406, "Not Acceptable", detail);
}
