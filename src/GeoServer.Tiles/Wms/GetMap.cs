using GeoServer.Tiles.Http;
using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Wms;

/// <summary>WMS GetMap: renders the requested layers with their styles and sends the encoded image.</summary>
public static class GetMap
{
    public static async Task HandleAsync(WmsRequest request, MapView view, CancellationToken ct)
    {
        var options = request.Services.Options;
        using var slot = await request.Services.Slots.EnterAsync(ct);
        using var canvas = new CairoCanvas(view.Frame.Width, view.Frame.Height);
        canvas.Clear(view.Background);
        try
        {
            await new MapRenderer(request.Services.Crs).RenderAsync(canvas, view.Frame, view.Layers, options, ct);
        }
        catch (MapLimitException e)
        {
            throw new WmsException("InvalidParameterValue", e.Message, "bbox");
        }
        await ImageResponse.WriteAsync(request.Http.Response, canvas, view.Format, view.MediaType, ct);
    }
}
