namespace GeoServer.Tiles.Wmts;

/// <summary>
/// A request WMTS cannot serve, with the exception code of WMTS 1.0.0 table 28 (OWS 1.1 codes plus TileOutOfRange)
/// and the parameter at fault as locator; written as an OWS ExceptionReport.
/// </summary>
public sealed class WmtsException(string code, string message, string? locator = null, int status = 400) : Exception(message)
{
    public string Code { get; } = code;
    public string? Locator { get; } = locator;
    public int Status { get; } = status;

    public static WmtsException Missing(string parameter) =>
        new("MissingParameterValue", $"The parameter {parameter.ToUpperInvariant()} is required.", parameter);

    public static WmtsException Invalid(string parameter, string problem, int status = 400) =>
        new("InvalidParameterValue", $"{parameter.ToUpperInvariant()}: {problem}", parameter, status);
}
