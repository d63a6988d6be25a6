namespace GeoServer.Tiles.Rendering;

/// <summary>
/// Features smaller than a pixel, gathered while a layer is read and drawn at its end as one pixel each, one fill
/// per colour: at small scales a dense layer is mostly such features, and one Cairo fill apiece would cost more
/// than everything else in the map. Where several land on one pixel, the last drawn wins, as painting would.
/// </summary>
public sealed class SubPixelDots
{
    private readonly Dictionary<int, Rgba> _pixels = [];

    public void Add(double x, double y, Rgba colour, int width, int height)
    {
        int column = (int)Math.Floor(x), row = (int)Math.Floor(y);
        if (column < 0 || row < 0 || column >= width || row >= height) return;
        _pixels[row * width + column] = colour;
    }

    /// <summary>Draws and forgets the dots gathered so far.</summary>
    public void Flush(IMapCanvas canvas)
    {
        if (_pixels.Count == 0) return;
        foreach (var group in _pixels.GroupBy(p => p.Value))
        {
            canvas.NewPath();
            foreach (var (index, _) in group)
                canvas.Rectangle(index % canvas.Width, index / canvas.Width, 1, 1);
            canvas.Fill(group.Key);
        }
        _pixels.Clear();
    }
}
