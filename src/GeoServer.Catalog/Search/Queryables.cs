using System.Globalization;
using GeoServer.Catalog.Metadata;
using GeoServer.Core.Sources;
using NetTopologySuite.Geometries;

namespace GeoServer.Catalog.Search;

/// <summary>
/// What filters may test on a record, as a <see cref="FeatureSchema"/> so that Core's CQL2 parser and
/// <c>CqlEvaluator</c> serve the catalog unchanged: each record becomes a <see cref="Feature"/> whose geometry is its
/// extent (CRS84) and whose values are the folded texts below. Protocols map their own names (csw:AnyText,
/// dc:subject, the Records "keywords") onto these.
/// </summary>
public static class Queryables
{
    public const string Identifier = "identifier", Title = "title", Abstract = "abstract", AnyText = "anytext",
        Subject = "subject", Type = "type", Modified = "modified", Workspace = "workspace", TopicCategory = "topiccategory",
        Format = "format", Crs = "crs", Language = "language", ServiceType = "servicetype", Organisation = "organisation";

    /// <summary>OGC API – Records' names for the same queryables (record-core properties).</summary>
    public const string Id = "id", Description = "description", Keywords = "keywords", Updated = "updated";

    /// <summary>The name filters give the extent (CQL2 "geometry").</summary>
    public const string Geometry = "geometry";

    /// <summary>The separator around each value of a many-valued queryable ("|roads|giao thong|").</summary>
    public const char ValueSeparator = '|';

    private static readonly string[] Names =
        [Identifier, Title, Abstract, AnyText, Subject, Type, Modified, Workspace, TopicCategory, Format, Crs, Language, ServiceType, Organisation,
         Id, Description, Keywords, Updated];

    // Each alias holds the value of the queryable it stands for.
    private static readonly (string Alias, string Of)[] Aliases = [(Id, Identifier), (Description, Abstract), (Keywords, Subject), (Updated, Modified)];

    /// <summary>Queryables holding several values (a title in each language, each keyword): equality with one of them is a match.</summary>
    public static readonly IReadOnlySet<string> ManyValued = new HashSet<string>([Title, Abstract, Description, Subject, Keywords, TopicCategory, Format, Organisation], StringComparer.Ordinal);

    public static readonly FeatureSchema Schema = new("recno",
        Names.Select(n => new PropertyInfo(n, n is Modified or Updated ? PropertyType.DateTime : PropertyType.String)).ToList(), "POLYGON");

    /// <summary>Every queryable name, aliases included.</summary>
    public static IReadOnlyList<string> All => Names;

    private static readonly GeometryFactory Factory = new();

    /// <summary>The record as filters see it (position <paramref name="position"/> in the index as the key).</summary>
    public static Feature ToFeature(MetadataRecord record, int position)
    {
        var values = new object?[Names.Length];
        values[Array.IndexOf(Names, Identifier)] = TextFolding.Fold(record.Id);
        values[Array.IndexOf(Names, Title)] = Many(record.Title.All);
        values[Array.IndexOf(Names, Abstract)] = record.Abstract is null ? null : Many(record.Abstract.All);
        values[Array.IndexOf(Names, AnyText)] = Folded(FullTextIndex.Texts(record).Select(t => t.Text).Prepend(record.Id));
        values[Array.IndexOf(Names, Subject)] = Many(record.AllKeywords.SelectMany(k => k.All)
            .Concat(record.TopicCategories.Select(MetadataCodes.Code)));
        values[Array.IndexOf(Names, Type)] = MetadataCodes.Code(record.Type).ToLowerInvariant();
        values[Array.IndexOf(Names, Modified)] = record.Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        values[Array.IndexOf(Names, Workspace)] = record.Workspace is null ? null : TextFolding.Fold(record.Workspace);
        values[Array.IndexOf(Names, TopicCategory)] = Many(record.TopicCategories.Select(MetadataCodes.Code));
        values[Array.IndexOf(Names, Format)] = Many(record.Distribution.Formats);
        values[Array.IndexOf(Names, Crs)] = record.ReferenceSystem is null ? null : TextFolding.Fold(record.ReferenceSystem);
        values[Array.IndexOf(Names, Language)] = record.Language;
        values[Array.IndexOf(Names, ServiceType)] = record.ServiceType is null ? null : TextFolding.Fold(record.ServiceType);
        values[Array.IndexOf(Names, Organisation)] = Many(record.Contacts.SelectMany(c => c.Organisation.All));
        foreach (var (alias, of) in Aliases) values[Array.IndexOf(Names, alias)] = values[Array.IndexOf(Names, of)];
        Geometry? extent = record.Extent is { } e ? Factory.ToGeometry(e.ToEnvelope()) : null;
        return new Feature(position, extent, values);
    }

    private static string Folded(IEnumerable<string> texts) => TextFolding.Fold(string.Join(" ", texts));

    private static string? Many(IEnumerable<string> values)
    {
        var list = values.Select(TextFolding.Fold).Distinct().ToList();
        return list.Count == 0 ? null : ValueSeparator + string.Join(ValueSeparator, list) + ValueSeparator;
    }
}
