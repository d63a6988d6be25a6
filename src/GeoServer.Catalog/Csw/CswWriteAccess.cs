using GeoServer.Core.Layers;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Catalog.Csw;

/// <summary>
/// Who may change the catalog through CSW (Transaction, Harvest): administrators only. This is a right to write
/// records, not a rule on what a caller sees, which stays the registry's.
/// </summary>
public static class CswWriteAccess
{
    public static void Check(CswRequest request, string operation)
    {
        if (!request.Http.User.IsInRole(AccessPolicy.AdminRole))
            throw new CswException(CswNames.NoApplicableCode, $"{operation} needs an administrator.", "request",
                request.Http.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
    }
}
