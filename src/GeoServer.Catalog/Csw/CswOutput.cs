using GeoServer.Catalog.Metadata;

namespace GeoServer.Catalog.Csw;

/// <summary>What records are written as: the schema (Dublin Core csw:Record or ISO 19139 gmd:MD_Metadata) and the element set.</summary>
public sealed record CswOutput(bool Iso, string ElementSet)
{
    /// <summary>Reads outputSchema and ElementSetName (defaults: csw:Record, <paramref name="defaultSet"/>).</summary>
    public static CswOutput Parse(string? outputSchema, string? elementSet, string defaultSet)
    {
        bool iso = outputSchema switch
        {
            null or CswNamespaces.Csw or "csw:Record" => false,
            CswNamespaces.Gmd or "gmd:MD_Metadata" or "csw:IsoRecord" => true,
            _ => throw CswException.Invalid("outputSchema", $"'{outputSchema}' is not offered; use {CswNamespaces.Csw} or {CswNamespaces.Gmd}."),
        };
        var set = (elementSet ?? defaultSet).ToLowerInvariant();
        if (set is not (CswNames.Brief or CswNames.Summary or CswNames.Full))
            throw CswException.Invalid("ElementSetName", $"'{elementSet}' is not an element set; use brief, summary or full.");
        return new CswOutput(iso, set);
    }

    public string Schema => Iso ? CswNamespaces.Gmd : CswNamespaces.Csw;

    /// <summary>Writes one record.</summary>
    public void Write(System.Xml.XmlWriter xml, MetadataRecord record, string serverRoot)
    {
        if (Iso) Iso19139Writer.Write(xml, record, ElementSet, serverRoot);
        else DublinCoreWriter.Write(xml, record, ElementSet, serverRoot);
    }
}
