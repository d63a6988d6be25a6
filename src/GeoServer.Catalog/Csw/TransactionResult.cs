using System.Globalization;
using System.Xml;
using GeoServer.Catalog.Metadata;

namespace GeoServer.Catalog.Csw;

/// <summary>The counts and inserted records of a Transaction or a Harvest, and their csw:TransactionResponse (10.11.4).</summary>
public sealed record TransactionResult(int Inserted, int Updated, int Deleted, IReadOnlyList<MetadataRecord> InsertedRecords)
{
    public void Write(XmlWriter xml)
    {
        xml.WriteStartElement("csw", "TransactionResponse", CswNamespaces.Csw);
        xml.WriteAttributeString("version", CswNames.Version);
        xml.WriteStartElement("csw", "TransactionSummary", CswNamespaces.Csw);
        xml.WriteElementString("csw", "totalInserted", CswNamespaces.Csw, Inserted.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("csw", "totalUpdated", CswNamespaces.Csw, Updated.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("csw", "totalDeleted", CswNamespaces.Csw, Deleted.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        if (InsertedRecords.Count > 0)
        {
            xml.WriteStartElement("csw", "InsertResult", CswNamespaces.Csw);
            foreach (var r in InsertedRecords) DublinCoreWriter.Write(xml, r, CswNames.Brief, "");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
