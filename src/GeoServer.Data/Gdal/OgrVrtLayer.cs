using System.Text;
using System.Xml;

namespace GeoServer.Data.Gdal;

/// <summary>
/// An OGR virtual layer (GDAL's VRT driver) over one layer of a source file, declaring the exact field types, key,
/// geometry type and CRS, so a conversion does not depend on what GDAL would guess from the source's values (a
/// text column of dates would turn into dates, a column of whole numbers into integers).
/// </summary>
/// <param name="Name">The virtual layer's name.</param>
/// <param name="Source">Absolute path of the source file.</param>
/// <param name="SourceLayer">Layer of the source to read.</param>
/// <param name="Fid">A source field to use as the feature id, or null to number features as read.</param>
/// <param name="Fields">Each field: its name in the result, its name in the source, OGR type and subtype (or null).</param>
/// <param name="GeometryType">An OGRwkbGeometryType name ("wkbPoint", "wkbNone", "wkbUnknown").</param>
/// <param name="Srs">The CRS as GDAL reads it ("EPSG:4326" or WKT), or null.</param>
internal sealed record OgrVrtLayer(string Name, string Source, string SourceLayer, string? Fid,
    IReadOnlyList<(string Name, string Source, string Type, string? Subtype)> Fields, string GeometryType, string? Srs)
{
    /// <summary>Writes the VRT document. Source values are read as text where GDAL would guess dates (DATE_AS_STRING).</summary>
    public void Save(string path)
    {
        // No byte order mark: GDAL recognises a VRT by its first characters.
        using var xml = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        xml.WriteStartElement("OGRVRTDataSource");
        xml.WriteStartElement("OGRVRTLayer");
        xml.WriteAttributeString("name", Name);
        xml.WriteStartElement("SrcDataSource");
        xml.WriteAttributeString("relativeToVRT", "0");
        xml.WriteString(Source);
        xml.WriteEndElement();
        xml.WriteStartElement("OpenOptions");
        xml.WriteStartElement("OOI");
        xml.WriteAttributeString("key", "DATE_AS_STRING");
        xml.WriteString("YES");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteElementString("SrcLayer", SourceLayer);
        if (Fid is not null)
        {
            xml.WriteStartElement("FID");
            xml.WriteAttributeString("name", Fid);
            xml.WriteString(Fid);
            xml.WriteEndElement();
        }
        xml.WriteElementString("GeometryType", GeometryType);
        if (Srs is not null) xml.WriteElementString("LayerSRS", Srs);
        foreach (var (name, source, type, subtype) in Fields)
        {
            xml.WriteStartElement("Field");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("src", source);
            xml.WriteAttributeString("type", type);
            if (subtype is not null) xml.WriteAttributeString("subtype", subtype);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
