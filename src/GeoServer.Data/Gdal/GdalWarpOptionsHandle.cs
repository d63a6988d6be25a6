using Microsoft.Win32.SafeHandles;

namespace GeoServer.Data.Gdal;

/// <summary>Owns one parsed GDALWarpAppOptions.</summary>
internal sealed class GdalWarpOptionsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GdalWarpOptionsHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        GdalNative.GDALWarpAppOptionsFree(handle);
        return true;
    }
}
