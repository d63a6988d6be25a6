using GeoServer.Core.Api;

namespace GeoServer.Ogc.Common;

/// <summary>
/// A client error or missing resource in an OGC API Common or Features request; an <see cref="ApiException"/>, so
/// <see cref="OgcErrorFilter"/> turns it into problem details (RFC 9457) or an HTML page. The factories return this
/// type so the Features parsers' tests can tell their own errors apart.
/// </summary>
public sealed class OgcException(int status, string title, string detail, string? parameter = null)
    : ApiException(status, title, detail, parameter)
{
    public static OgcException NotFound(string what) => new(404, "Not Found", what);

    public static new OgcException BadParameter(string parameter, string detail) =>
        new(400, "Bad Request", $"Invalid value for parameter '{parameter}': {detail}", parameter);

    public static new OgcException NotAcceptable(string detail) => new(406, "Not Acceptable", detail);
}
