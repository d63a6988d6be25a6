namespace GeoServer.Core.Api;

/// <summary>One parameter of an <see cref="ApiOperation"/>, as the OpenAPI 3.0 document describes it.</summary>
/// <param name="Name">The parameter's name, e.g. "tileMatrix".</param>
/// <param name="In">"path" or "query".</param>
/// <param name="Description">What the parameter selects.</param>
/// <param name="Type">The JSON Schema type of its value ("string", "integer").</param>
/// <param name="Enum">The values allowed, or null for any.</param>
/// <param name="Key">
/// Its key among the document's shared parameter definitions, when that differs from the name (a tile's "f" takes
/// image formats, not the "json"/"html" of the metadata's "f"); null for the name. A key the OGC API already defines
/// (such as "collectionId") refers to that definition.
/// </param>
public sealed record ApiParameter(string Name, string In, string Description, string Type = "string", IReadOnlyList<string>? Enum = null,
    string? Key = null)
{
    /// <summary>The key of its shared definition in the OpenAPI document.</summary>
    public string ComponentKey => Key ?? Name;
}
