using System.Xml;
using System.Xml.Linq;
using GeoServer.Core.Sources;

namespace GeoServer.Tiles.Styles;

/// <summary>
/// Imports Styled Layer Descriptor 1.0 and Symbology Encoding 1.1 documents (as QGIS, GeoServer and uDig write
/// them) into <see cref="Style"/>s: polygon, line, point (well-known marks) and text symbolizers, scale ranges,
/// else rules, and OGC Filter 1.0/1.1 comparisons turned into CQL2 Text. What has no equivalent is reported in
/// <see cref="SldImportResult.Warnings"/>, never dropped silently.
/// </summary>
public static class SldImporter
{
    /// <summary>Largest document read, in characters; an SLD is rarely over a few hundred kilobytes.</summary>
    public const long MaxCharacters = 10_000_000;

    /// <summary>
    /// The styles of <paramref name="sld"/>. With the layer's <paramref name="schema"/>, filter literals take the
    /// type of the property they meet (so '01' stays text for a text code) and every filter is checked against the
    /// layer; without it, literals that read as plain numbers become numbers. Malformed XML, a DTD (refused, as
    /// entity expansion and external entities are attacks) or a document that is not SLD throws
    /// <see cref="StyleException"/> with the line and position.
    /// </summary>
    public static SldImportResult Import(string sld, FeatureSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(sld);
        using var reader = new StringReader(sld);
        return Import(reader, schema);
    }

    /// <summary>As <see cref="Import(string, FeatureSchema?)"/>, reading a stream (the encoding from its XML declaration).</summary>
    public static SldImportResult Import(Stream sld, FeatureSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(sld);
        using var xml = XmlReader.Create(sld, Settings());
        return Import(Load(xml), schema);
    }

    private static SldImportResult Import(TextReader sld, FeatureSchema? schema)
    {
        using var xml = XmlReader.Create(sld, Settings());
        return Import(Load(xml), schema);
    }

    private static SldImportResult Import(XDocument document, FeatureSchema? schema)
    {
        var reader = new SldReader(schema);
        var styles = reader.Read(document.Root!);
        return new SldImportResult(styles, reader.Warnings);
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static XDocument Load(XmlReader reader)
    {
        try
        {
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // The refusal of a DTD carries no position: it is about the document, not a place in it.
            throw new StyleException(e.LineNumber > 0
                ? $"Malformed SLD at line {e.LineNumber}, position {e.LinePosition}: {e.Message}"
                : $"Refused SLD: {e.Message}", e);
        }
    }
}
