using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// Small helpers over SLD/SE elements. Elements are matched by local name: SLD 1.0 (sld:), SE 1.1 (se:) and
/// Filter 1.0/1.1 (ogc:) spell the same things in different namespaces, and real documents mix them up.
/// </summary>
internal static class SldXml
{
    public static XElement? Child(XElement e, string name) => e.Elements().FirstOrDefault(c => c.Name.LocalName == name);

    public static IEnumerable<XElement> Children(XElement e, string name) => e.Elements().Where(c => c.Name.LocalName == name);

    public static string? ChildText(XElement e, string name) => Child(e, name)?.Value.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>"&lt;Name&gt; (line n)", to point the reader of a warning at the element.</summary>
    public static string Describe(XElement e) =>
        ((IXmlLineInfo)e).HasLineInfo() ? $"<{e.Name.LocalName}> (line {((IXmlLineInfo)e).LineNumber})" : $"<{e.Name.LocalName}>";

    /// <summary>The CssParameter (SLD 1.0) or SvgParameter (SE 1.1) children, by name.</summary>
    public static IEnumerable<(string Name, XElement Element)> Parameters(XElement e) =>
        e.Elements()
            .Where(c => c.Name.LocalName is "CssParameter" or "SvgParameter")
            .Select(c => ((string?)c.Attribute("name") ?? "", c));

    public static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
