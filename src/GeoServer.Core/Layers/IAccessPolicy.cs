using System.Security.Claims;

namespace GeoServer.Core.Layers;

/// <summary>The one decision on what a caller may do with a layer; asked only by <see cref="LayerRegistry"/>.</summary>
public interface IAccessPolicy
{
    bool CanSee(ClaimsPrincipal caller, LayerInfo layer);

    /// <summary>Whether the caller may change the layer's features (it can see it, too).</summary>
    bool CanEdit(ClaimsPrincipal caller, LayerInfo layer);
}
