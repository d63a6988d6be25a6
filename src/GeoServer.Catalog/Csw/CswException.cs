namespace GeoServer.Catalog.Csw;

/// <summary>
/// A request CSW cannot serve, with its OWS exception code and the parameter at fault as locator; becomes an
/// ows:ExceptionReport (<see cref="CswExceptionReport"/>). The message is shown to the client.
/// </summary>
public sealed class CswException(string code, string message, string? locator = null, int status = 400) : Exception(message)
{
    public string Code { get; } = code;
    public string? Locator { get; } = locator;
    public int Status { get; } = status;

    public static CswException Missing(string parameter) =>
        new(CswNames.MissingParameterValue, $"The parameter {parameter} is required.", parameter);

    public static CswException Invalid(string parameter, string problem) =>
        new(CswNames.InvalidParameterValue, $"{parameter}: {problem}", parameter);

    /// <summary>A body that is not well-formed XML, or that XML CSW refuses (a DTD, an entity).</summary>
    public static CswException BadXml(string problem) =>
        new(CswNames.NoApplicableCode, $"The request body is not acceptable XML: {problem}", "request");
}
