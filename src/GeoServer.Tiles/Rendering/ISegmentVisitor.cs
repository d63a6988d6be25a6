namespace GeoServer.Tiles.Rendering;

/// <summary>Receives the straight segments of a <see cref="PathBuffer"/>, without a delegate per segment.</summary>
internal interface ISegmentVisitor
{
    void Segment(double x0, double y0, double x1, double y1);
}
