using Microsoft.Win32.SafeHandles;

namespace GeoServer.Tiles.Rendering;

/// <summary>Owns one reference to a cairo_surface_t.</summary>
internal sealed class CairoSurfaceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CairoSurfaceHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        CairoNative.cairo_surface_destroy(handle);
        return true;
    }
}
