using System.Text.Json.Nodes;
using GeoServer.Catalog;
using GeoServer.Catalog.Metadata;
using GeoServer.Core.Configuration;
using GeoServer.Core.Layers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GeoServer.Host.Admin;

/// <summary>
/// Makes the admin API's OpenAPI document describe the bodies as the API reads and writes them: field names as the
/// configuration file spells them (the generator camel-cases them) and codes as strings (it calls them integers):
/// access levels by name, ISO codes as ISO spells them ("inlandWaters").
/// </summary>
public static class AdminOpenApi
{
    private static readonly Type[] Documents = [typeof(WorkspaceOptions), typeof(StoreOptions), typeof(LayerOptions), typeof(RecordOptions), typeof(PartyOptions), typeof(ThesaurusKeywords)];
    private static readonly Type[] Codes = [typeof(AccessLevel), typeof(TopicCategory), typeof(MaintenanceFrequency), typeof(RoleCode)];

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = d => d.RelativePath?.StartsWith("admin/api", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            if (document.Components?.Schemas is not { } schemas) return Task.CompletedTask;
            foreach (var (name, schema) in schemas)
            {
                if (schema is not OpenApiSchema s) continue;
                if (Documents.Any(t => t.Name == name) && s.Properties is { Count: > 0 } properties)
                    s.Properties = properties.ToDictionary(p => char.ToUpperInvariant(p.Key[0]) + p.Key[1..], p => p.Value);
                if (Codes.FirstOrDefault(t => t.Name == name) is { } code)
                {
                    bool iso = code != typeof(AccessLevel);
                    s.Type = JsonSchemaType.String;
                    s.Format = null;
                    s.Enum = Enum.GetNames(code).Select(n => (JsonNode)JsonValue.Create(iso ? char.ToLowerInvariant(n[0]) + n[1..] : n)).ToList();
                }
            }
            return Task.CompletedTask;
        });
    }
}
