using GeoServer.Tiles.Rendering;

namespace GeoServer.Tiles.Wms;

/// <summary>WMS GetMap: renders the requested layers with their styles and sends the encoded image.</summary>
public static class GetMap
{
    public static async Task HandleAsync(WmsRequest request, MapView view, CancellationToken ct)
    {
        var options = request.Services.Options;
        using var canvas = new CairoCanvas(view.Frame.Width, view.Frame.Height);
        canvas.Clear(view.Background);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.RenderTimeoutSeconds));
        try
        {
            await new MapRenderer(request.Services.Crs).RenderAsync(canvas, view.Frame, view.Layers, options.MaxFeatures, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new WmsException("InvalidParameterValue",
                $"The map took longer than {options.RenderTimeoutSeconds:0.#} s to draw; zoom in or ask for fewer layers.", "bbox");
        }
        catch (MapLimitException e)
        {
            throw new WmsException("InvalidParameterValue", e.Message, "bbox");
        }
        await ImageResponse.WriteAsync(request.Http.Response, canvas, view.Format, view.MediaType, ct);
    }
}
