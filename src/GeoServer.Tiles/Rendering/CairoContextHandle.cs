using Microsoft.Win32.SafeHandles;

namespace GeoServer.Tiles.Rendering;

/// <summary>Owns one reference to a cairo_t (which itself holds a reference to its surface).</summary>
internal sealed class CairoContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CairoContextHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        CairoNative.cairo_destroy(handle);
        return true;
    }
}
