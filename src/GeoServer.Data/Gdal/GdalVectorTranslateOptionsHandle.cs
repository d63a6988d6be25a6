using Microsoft.Win32.SafeHandles;

namespace GeoServer.Data.Gdal;

/// <summary>Owns one parsed GDALVectorTranslateOptions (ogr2ogr's arguments).</summary>
internal sealed class GdalVectorTranslateOptionsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GdalVectorTranslateOptionsHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        GdalNative.GDALVectorTranslateOptionsFree(handle);
        return true;
    }
}
