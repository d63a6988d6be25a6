namespace GeoServer.Core.Usage;

/// <summary>
/// What a usage count is about: the UTC hour, who asked (a key's or user's name, "anonymous"), the workspace and
/// layer ("" when the request named none) and the service (ogcapi, wms, wmts, tiles, csw, admin).
/// </summary>
public readonly record struct UsageKey(DateTime Hour, string Caller, string Workspace, string Layer, string Service);
