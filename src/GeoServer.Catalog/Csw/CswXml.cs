using System.Xml;
using System.Xml.Linq;

namespace GeoServer.Catalog.Csw;

/// <summary>Helpers shared by the operations: namespace declarations on a response's root, and reading request XML.</summary>
public static class CswXml
{
    public static readonly XNamespace Csw = CswNamespaces.Csw, Ogc = CswNamespaces.Ogc, Ows = CswNamespaces.Ows;

    /// <summary>Declares on the root every prefix the records below it use, so they are not repeated per element.</summary>
    public static void DeclareNamespaces(XmlWriter xml, bool iso)
    {
        xml.WriteAttributeString("xmlns", "csw", null, CswNamespaces.Csw);
        xml.WriteAttributeString("xmlns", "dc", null, CswNamespaces.Dc);
        xml.WriteAttributeString("xmlns", "dct", null, CswNamespaces.Dct);
        xml.WriteAttributeString("xmlns", "ows", null, CswNamespaces.Ows);
        xml.WriteAttributeString("xmlns", "xsi", null, CswNamespaces.Xsi);
        if (!iso) return;
        xml.WriteAttributeString("xmlns", "gmd", null, CswNamespaces.Gmd);
        xml.WriteAttributeString("xmlns", "gco", null, CswNamespaces.Gco);
        xml.WriteAttributeString("xmlns", "srv", null, CswNamespaces.Srv);
        xml.WriteAttributeString("xmlns", "gml", null, CswNamespaces.Gml);
    }

    /// <summary>A whole-number attribute or parameter, checked against a minimum.</summary>
    public static int? Integer(string? text, string name, int min)
    {
        if (text is null) return null;
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min
            ? value : throw CswException.Invalid(name, $"'{text}' is not a whole number of at least {min}.");
    }

    /// <summary>The value of a KVP parameter in a request written as XML, read from the attribute of the same name.</summary>
    public static string? Attribute(XElement e, string name) =>
        e.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;
}
