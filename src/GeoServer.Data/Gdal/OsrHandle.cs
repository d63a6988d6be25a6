using Microsoft.Win32.SafeHandles;

namespace GeoServer.Data.Gdal;

/// <summary>Owns one OGRSpatialReferenceH.</summary>
internal sealed class OsrHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OsrHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        GdalNative.OSRDestroySpatialReference(handle);
        return true;
    }
}
