namespace GeoServer.Tiles.Rendering;

/// <summary>One encoded tile cut from a meta-tile render.</summary>
public sealed record RenderedTile(long Row, long Col, byte[] Bytes);
