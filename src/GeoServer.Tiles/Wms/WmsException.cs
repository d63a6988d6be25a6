namespace GeoServer.Tiles.Wms;

/// <summary>
/// A request WMS cannot serve, with the exception code of WMS 1.3.0 Annex A.2 (1.1.1 codes are derived when the
/// report is written) and the parameter at fault as locator. Becomes a ServiceExceptionReport, or an image when
/// the client asked for EXCEPTIONS=INIMAGE/BLANK.
/// </summary>
public sealed class WmsException(string code, string message, string? locator = null, int status = 400) : Exception(message)
{
    public string Code { get; } = code;
    public string? Locator { get; } = locator;
    public int Status { get; } = status;

    public static WmsException Missing(string parameter) =>
        new("MissingParameterValue", $"The parameter {parameter.ToUpperInvariant()} is required.", parameter);

    public static WmsException Invalid(string parameter, string problem) =>
        new("InvalidParameterValue", $"{parameter.ToUpperInvariant()}: {problem}", parameter);

    public static WmsException LayerNotDefined(string name) =>
        new("LayerNotDefined", $"No layer named '{name}'.", "layers");

    public static WmsException StyleNotDefined(string layer, string style) =>
        new("StyleNotDefined", $"Layer '{layer}' has no style named '{style}'.", "styles");

    public static WmsException InvalidCrs(string parameter, string crs) =>
        new("InvalidCRS", $"{parameter.ToUpperInvariant()} '{crs}' is not offered; see the capabilities document for the list.", parameter);

    public static WmsException InvalidFormat(string parameter, string format, IEnumerable<string> offered) =>
        new("InvalidFormat", $"{parameter.ToUpperInvariant()} '{format}' is not offered; use one of: {string.Join(", ", offered)}.", parameter);
}
