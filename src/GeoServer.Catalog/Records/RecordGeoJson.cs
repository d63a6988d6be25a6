using System.Globalization;
using System.Text.Json;
using GeoServer.Catalog.Metadata;
using GeoServer.Core.Api;

namespace GeoServer.Catalog.Records;

/// <summary>
/// Writes a record as an OGC API – Records record (a GeoJSON feature, record-core): the extent as a polygon, time
/// as an interval, the record-core properties (type, title, description, keywords, themes for topic categories and
/// thesauri, language, contacts, licence, rights, formats, updated), and links to the resource and its services.
/// Translations are written as <c>title</c>/<c>description</c> in each language under "translations".
/// </summary>
public static class RecordGeoJson
{
    /// <summary>The scheme of ISO topic categories as themes.</summary>
    public const string TopicScheme = "https://standards.iso.org/iso/19139/resources/gmxCodelists.xml#MD_TopicCategoryCode";

    public static void Write(Utf8JsonWriter json, MetadataRecord r, string serverRoot, string collectionUrl)
    {
        json.WriteStartObject();
        json.WriteString("id", r.Id);
        json.WriteString("type", "Feature");
        json.WriteStartArray("conformsTo");
        json.WriteStringValue(RecordsConformance.RecordCore);
        json.WriteEndArray();
        if (r.Extent is { } box)
        {
            json.WriteStartObject("geometry");
            json.WriteString("type", "Polygon");
            json.WriteStartArray("coordinates");
            json.WriteStartArray();
            foreach (var (x, y) in new[] { (box.MinX, box.MinY), (box.MaxX, box.MinY), (box.MaxX, box.MaxY), (box.MinX, box.MaxY), (box.MinX, box.MinY) })
            {
                json.WriteStartArray();
                json.WriteNumberValue(x);
                json.WriteNumberValue(y);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else json.WriteNull("geometry");
        if (r.Time is { } time)
        {
            json.WriteStartObject("time");
            json.WriteStartArray("interval");
            json.WriteStringValue(time.Begin ?? "..");
            json.WriteStringValue(time.End ?? "..");
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else json.WriteNull("time");
        Properties(json, r);
        RecordsJson.WriteLinks(json, Links(r, serverRoot, collectionUrl));
        json.WriteEndObject();
    }

    private static void Properties(Utf8JsonWriter json, MetadataRecord r)
    {
        json.WriteStartObject("properties");
        json.WriteString("type", MetadataCodes.Code(r.Type));
        json.WriteString("title", r.Title.Text);
        if (r.Abstract is not null) json.WriteString("description", r.Abstract.Text);
        json.WriteStartArray("keywords");
        foreach (var k in r.Keywords.Where(k => k.Thesaurus is null).SelectMany(k => k.Words)) json.WriteStringValue(k.Text);
        json.WriteEndArray();
        json.WriteStartArray("themes");
        if (r.TopicCategories.Count > 0) Theme(json, TopicScheme, r.TopicCategories.Select(MetadataCodes.Code));
        foreach (var set in r.Keywords.Where(k => k.Thesaurus is not null)) Theme(json, set.Thesaurus!, set.Words.Select(w => w.Text));
        json.WriteEndArray();
        json.WriteStartObject("language");
        json.WriteString("code", Languages.Tag(r.Language));
        json.WriteEndObject();
        var translations = new[] { r.Title, r.Abstract }.OfType<LocalizedText>().SelectMany(t => t.Translations?.Keys ?? []).Distinct().ToList();
        json.WriteStartArray("languages");
        foreach (var code in translations.Prepend(r.Language).Distinct())
        {
            json.WriteStartObject();
            json.WriteString("code", Languages.Tag(code));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (translations.Count > 0)
        {
            json.WriteStartObject("translations");
            foreach (var code in translations)
            {
                json.WriteStartObject(Languages.Tag(code));
                json.WriteString("title", r.Title.In(code));
                if (r.Abstract is not null) json.WriteString("description", r.Abstract.In(code));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteString("updated", r.Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartArray("contacts");
        foreach (var c in r.Contacts)
        {
            json.WriteStartObject();
            if (c.Individual is not null) json.WriteString("name", c.Individual);
            json.WriteString("organization", c.Organisation.Text);
            if (c.Position is not null) json.WriteString("position", c.Position);
            if (c.Email is not null) Values(json, "emails", "value", c.Email);
            if (c.Phone is not null) Values(json, "phones", "value", c.Phone);
            json.WriteStartArray("roles");
            json.WriteStringValue(MetadataCodes.Code(c.Role));
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (r.Constraints.Licence is { } licence) json.WriteString("license", licence);
        if (r.Constraints.UseLimitation is { } rights) json.WriteString("rights", rights.Text);
        json.WriteString("accessLevel", r.Constraints.Access.ToString().ToLowerInvariant());
        json.WriteStartArray("formats");
        foreach (var f in r.Distribution.Formats)
        {
            json.WriteStartObject();
            json.WriteString("name", f);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (r.Lineage is not null) json.WriteString("lineage", r.Lineage.Text);
        if (r.QualityStatement is not null) json.WriteString("qualityStatement", r.QualityStatement.Text);
        if (r.ReferenceSystem is not null) json.WriteString("crs", r.ReferenceSystem);
        if (r.Resolution?.ScaleDenominator is { } scale) json.WriteNumber("scaleDenominator", scale);
        json.WriteString("updateFrequency", MetadataCodes.Code(r.UpdateFrequency));
        if (r.NextReview is { } next) json.WriteString("nextReview", next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (r.Workspace is not null) json.WriteString("workspace", r.Workspace);
        if (r.ServiceType is not null) json.WriteString("serviceType", r.ServiceType);
        json.WriteEndObject();
    }

    private static void Theme(Utf8JsonWriter json, string scheme, IEnumerable<string> concepts)
    {
        json.WriteStartObject();
        json.WriteStartArray("concepts");
        foreach (var c in concepts)
        {
            json.WriteStartObject();
            json.WriteString("id", c);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("scheme", scheme);
        json.WriteEndObject();
    }

    private static void Values(Utf8JsonWriter json, string name, string key, string value)
    {
        json.WriteStartArray(name);
        json.WriteStartObject();
        json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>The record's own links, then one per online resource ("enclosure" to download, "service" for an endpoint).</summary>
    public static IEnumerable<ApiLink> Links(MetadataRecord r, string serverRoot, string collectionUrl)
    {
        string self = collectionUrl + "/items/" + Uri.EscapeDataString(r.Id);
        yield return new(self + "?f=json", "self", RecordsFormat.GeoJson, "This record");
        yield return new(self + "?f=html", "alternate", RecordsFormat.Html, "This record as HTML");
        yield return new(collectionUrl, "collection", RecordsFormat.Json, "The catalog");
        foreach (var link in r.Distribution.Links)
            yield return new(link.Resolve(serverRoot), Relation(link), link.MediaType ?? RecordsFormat.Json, link.Description ?? link.Protocol);
    }

    private static string Relation(OnlineResource link) => link.Function switch
    {
        "download" => "enclosure",
        _ when link.Protocol is Protocols.Wms or Protocols.Wmts or Protocols.Csw or Protocols.OgcApiTiles => "service",
        _ => "related",
    };
}
