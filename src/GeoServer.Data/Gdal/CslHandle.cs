using Microsoft.Win32.SafeHandles;

namespace GeoServer.Data.Gdal;

/// <summary>Owns a NULL-terminated char** list (CSL), the form of every GDAL option list.</summary>
internal sealed class CslHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CslHandle() : base(ownsHandle: true) { }

    /// <summary>A list of the items in order (an empty list is a null pointer, which GDAL reads as empty).</summary>
    public static CslHandle From(IEnumerable<string> items)
    {
        var list = new CslHandle();
        IntPtr pointer = IntPtr.Zero;
        try
        {
            foreach (var item in items) pointer = GdalNative.CSLAddString(pointer, item);
        }
        finally
        {
            list.SetHandle(pointer);
        }
        return list;
    }

    /// <summary>The char** to pass (null when empty); valid while this handle is alive.</summary>
    public IntPtr Pointer => handle;

    protected override bool ReleaseHandle()
    {
        GdalNative.CSLDestroy(handle);
        return true;
    }
}
