using System.Xml.Linq;
using GeoServer.Catalog.Metadata;
using GeoServer.Catalog.Search;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// CSW Transaction (10.11), XML only and for administrators: Insert of Dublin Core or ISO 19139 records, Update by
/// a whole replacement record, Delete by constraint. Only external records change; a published layer's record
/// follows its layer and is refused here. All actions are checked before any is applied.
/// </summary>
public static class Transaction
{
    public static async Task HandleAsync(CswRequest request, CancellationToken ct)
    {
        CswWriteAccess.Check(request, CswNames.Transaction);
        var body = request.Body ?? throw new CswException(CswNames.OperationNotSupported, "Transaction is sent as XML by POST.", "request");
        var now = DateTimeOffset.UtcNow;
        var inserts = new List<MetadataRecord>();
        var updates = new List<MetadataRecord>();
        var deletes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in body.Elements())
        {
            switch (action.Name.LocalName)
            {
                case "Insert":
                    inserts.AddRange(Records(action, now, request));
                    break;
                case "Update":
                    if (action.Element(CswXml.Csw + "RecordProperty") is not null)
                        throw new CswException(CswNames.OperationNotSupported, "Update by csw:RecordProperty is not offered; send the whole record.", "Update");
                    foreach (var record in Records(action, now, request))
                        updates.Add(request.Catalog.External(record.Id) is not null ? record
                            : throw CswException.Invalid("Update", $"no external record '{record.Id}' to update."));
                    break;
                case "Delete":
                    var constraint = action.Element(CswXml.Csw + "Constraint") ?? throw CswException.Missing("Delete/Constraint");
                    var filter = constraint.Element(CswXml.Ogc + "Filter") is { } f ? FilterXml.Parse(f, request.Crs)
                        : constraint.Element(CswXml.Csw + "CqlText") is { } cql ? CqlTextConstraint.Parse(cql.Value)
                        : throw CswException.Invalid("Constraint", "a constraint holds ogc:Filter or csw:CqlText.");
                    var matches = request.Search(new SearchQuery { Filter = filter, Limit = int.MaxValue }).Records;
                    foreach (var r in matches.Where(r => r.Origin == RecordOrigin.External)) deletes.Add(r.Id);
                    break;
                default:
                    throw CswException.Invalid("request", $"csw:{action.Name.LocalName} is not a transaction action; use Insert, Update or Delete.");
            }
        }
        if (inserts.Concat(updates).FirstOrDefault(r => request.Catalog.IsDerived(r.Id)) is { } derived)
            throw CswException.Invalid("record", $"'{derived.Id}' is the record of a published layer or endpoint; it changes with the layer.");

        if (inserts.Count + updates.Count > 0) await request.Catalog.UpsertAsync([.. inserts, .. updates], null, ct);
        int deleted = deletes.Count > 0 ? await request.Catalog.DeleteAsync(deletes, ct) : 0;

        await using var output = new XmlOutput(request.Http.Response);
        new TransactionResult(inserts.Count, updates.Count, deleted, inserts).Write(output.Xml);
        await output.CompleteAsync(ct);
    }

    private static IEnumerable<MetadataRecord> Records(XElement action, DateTimeOffset now, CswRequest request)
    {
        var records = action.Elements().Where(RecordReader.IsRecord).ToList();
        if (records.Count == 0) throw CswException.Invalid(action.Name.LocalName, "holds no csw:Record or gmd:MD_Metadata.");
        return records.Select(r => RecordReader.Read(r, now, request.Workspace));
    }
}
