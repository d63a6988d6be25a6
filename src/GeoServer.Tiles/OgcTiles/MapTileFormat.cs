using GeoServer.Core.Api;
using GeoServer.Tiles.Rendering;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.OgcTiles;

/// <summary>Chooses a map tile's encoding: "f" wins, then the Accept header; PNG (transparent) by default.</summary>
public static class MapTileFormat
{
    /// <summary>The format and its media type, or a 400 naming "f" for a format not offered.</summary>
    public static (ImageFormat Format, string MediaType) Negotiate(HttpRequest request)
    {
        string? f = request.Query["f"];
        if (!string.IsNullOrEmpty(f))
            return f.ToLowerInvariant() switch
            {
                "png" or "image/png" => (ImageFormat.Png, "image/png"),
                "jpeg" or "jpg" or "image/jpeg" => (ImageFormat.Jpeg, "image/jpeg"),
                _ => throw ApiException.BadParameter("f", $"'{f}' is not offered for map tiles; use 'png' or 'jpeg'."),
            };
        foreach (var accept in request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1))
        {
            var type = accept.MediaType.Value ?? "";
            if (type.Equals("image/jpeg", StringComparison.OrdinalIgnoreCase)) return (ImageFormat.Jpeg, "image/jpeg");
            if (type.Equals("image/png", StringComparison.OrdinalIgnoreCase)) return (ImageFormat.Png, "image/png");
        }
        return (ImageFormat.Png, "image/png");
    }
}
