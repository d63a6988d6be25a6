using System.Security.Claims;

namespace GeoServer.Core.Layers;

/// <summary>
/// A caller who came through a workspace's virtual endpoint (/ws/{workspace}/ogc, …/wmts, …/tiles): the same
/// identity and rights, seeing only that workspace's layers. The registry applies the scope, so every service
/// behind such an endpoint is scoped without knowing it.
/// </summary>
public sealed class ScopedCaller(ClaimsPrincipal caller, string workspace) : ClaimsPrincipal(caller)
{
    public string Workspace { get; } = workspace;
}
