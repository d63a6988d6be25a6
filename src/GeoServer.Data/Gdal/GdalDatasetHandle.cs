using Microsoft.Win32.SafeHandles;

namespace GeoServer.Data.Gdal;

/// <summary>Owns one GDALDatasetH (closed with GDALClose); used by one thread at a time.</summary>
internal sealed class GdalDatasetHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GdalDatasetHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        GdalNative.GDALClose(handle);
        return true;
    }
}
