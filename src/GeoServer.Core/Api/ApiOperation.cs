namespace GeoServer.Core.Api;

/// <summary>A GET operation an area adds to the OGC API, for the OpenAPI 3.0 document (/req/oas30 asks for every path).</summary>
/// <param name="Path">The path template below the API root, e.g. "/collections/{collectionId}/tiles".</param>
/// <param name="OperationId">A unique operation id.</param>
/// <param name="Summary">One line on what the operation returns.</param>
/// <param name="Parameters">Its path and query parameters.</param>
/// <param name="MediaTypes">The media types of a successful response.</param>
public sealed record ApiOperation(string Path, string OperationId, string Summary, IReadOnlyList<ApiParameter> Parameters,
    IReadOnlyList<string> MediaTypes);
