using System.Security.Claims;

namespace GeoServer.Core.Layers;

/// <summary>The one decision on whether a caller may see a layer; asked only by <see cref="LayerRegistry"/>.</summary>
public interface IAccessPolicy
{
    bool CanSee(ClaimsPrincipal caller, LayerInfo layer);
}
