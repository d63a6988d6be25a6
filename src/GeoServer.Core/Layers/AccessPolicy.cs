using System.Security.Claims;
using GeoServer.Core.Security;

namespace GeoServer.Core.Layers;

/// <summary>
/// Open layers for everyone, shared layers for any authenticated caller, restricted layers for members of the
/// layer's workspace, of the workspaces it is shared with, the keys and users it names, and global admins; editing
/// for the workspace's editors and admins (see <see cref="Roles"/>).
/// </summary>
public sealed class AccessPolicy : IAccessPolicy
{
    public const string AdminRole = Roles.Admin;

    public bool CanSee(ClaimsPrincipal caller, LayerInfo layer) => layer.Access switch
    {
        AccessLevel.Open => true,
        AccessLevel.Shared => caller.Identity?.IsAuthenticated == true,
        AccessLevel.Restricted => caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.MemberOf(layer.Workspace.Id))
            || layer.AllowedWorkspaces.Any(w => caller.IsInRole(Roles.MemberOf(w)))
            || caller.Identity is { IsAuthenticated: true, Name: { } name } && layer.AllowedCallers.Contains(name),
        _ => false,
    };

    public bool CanEdit(ClaimsPrincipal caller, LayerInfo layer) =>
        CanSee(caller, layer) && (caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.EditorOf(layer.Workspace.Id)));
}
