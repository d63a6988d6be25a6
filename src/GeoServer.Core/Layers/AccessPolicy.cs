using System.Security.Claims;

namespace GeoServer.Core.Layers;

/// <summary>
/// Open layers for everyone, shared layers for any authenticated caller, restricted layers for callers holding
/// the workspace's role ("workspace:{id}") or the global admin role.
/// </summary>
public sealed class AccessPolicy : IAccessPolicy
{
    public const string AdminRole = "admin";

    public bool CanSee(ClaimsPrincipal caller, LayerInfo layer) => layer.Access switch
    {
        AccessLevel.Open => true,
        AccessLevel.Shared => caller.Identity?.IsAuthenticated == true,
        AccessLevel.Restricted => caller.IsInRole(AdminRole) || caller.IsInRole("workspace:" + layer.Workspace.Id),
        _ => false,
    };
}
