using Microsoft.Win32.SafeHandles;

namespace GeoServer.Data.Gdal;

/// <summary>Owns one parsed GDALTranslateOptions.</summary>
internal sealed class GdalTranslateOptionsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GdalTranslateOptionsHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        GdalNative.GDALTranslateOptionsFree(handle);
        return true;
    }
}
