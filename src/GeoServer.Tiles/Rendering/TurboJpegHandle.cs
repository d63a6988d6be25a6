using Microsoft.Win32.SafeHandles;

namespace GeoServer.Tiles.Rendering;

/// <summary>Owns a tjhandle (a compressor or a decompressor).</summary>
internal sealed class TurboJpegHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TurboJpegHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle() => TurboJpegNative.tjDestroy(handle) == 0;
}
