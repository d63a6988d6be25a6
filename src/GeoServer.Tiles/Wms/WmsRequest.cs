using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;
using GeoServer.Core.Layers;
using GeoServer.Tiles.Styles;
using Microsoft.AspNetCore.Http;

namespace GeoServer.Tiles.Wms;

/// <summary>
/// One WMS request: its KVP parameters (names case-insensitive, values not, WMS 1.3.0 6.8.1), the version it
/// speaks, the virtual workspace endpoint it came through (null for /wms), and the services it needs.
/// </summary>
public sealed class WmsRequest(HttpContext http, string? workspace, WmsServices services)
{
    public HttpContext Http { get; } = http;
    public string? Workspace { get; } = workspace;
    public WmsServices Services { get; } = services;
    public string Version { get; set; } = WmsVersion.V130;
    public bool Is130 => Version == WmsVersion.V130;

    /// <summary>The parameter's value, or null when absent or empty.</summary>
    public string? Get(string name)
    {
        var value = Http.Request.Query[name].ToString();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public string Require(string name) => Get(name) ?? throw WmsException.Missing(name);

    /// <summary>The URL of this endpoint, from the request's own scheme, host and base path.</summary>
    public string ServiceUrl
    {
        get
        {
            var r = Http.Request;
            return $"{r.Scheme}://{r.Host}{r.PathBase}" + (Workspace is null ? "/wms" : $"/ws/{Uri.EscapeDataString(Workspace)}/wms");
        }
    }

    /// <summary>Layers the caller may see through this endpoint, in registry order.</summary>
    public IEnumerable<Layer> VisibleLayers() =>
        Services.Layers.Visible(Http.User, Workspace).Where(l => l.Info.Schema.HasGeometry);

    /// <summary>
    /// The layers a LAYERS/QUERY_LAYERS name denotes: one layer ("ws:name", or "name" on a workspace endpoint), or
    /// every visible layer of a workspace named as a group. A layer the caller may not see is not defined.
    /// </summary>
    public IReadOnlyList<Layer> ResolveLayer(string name)
    {
        string id = Workspace is not null && !name.Contains(':') ? Workspace + ":" + name : name;
        if (Workspace is not null && !id.StartsWith(Workspace + ":", StringComparison.Ordinal) && id != Workspace)
            throw WmsException.LayerNotDefined(name);
        var layer = Services.Layers.Find(Http.User, id);
        if (layer is not null && layer.Info.Schema.HasGeometry) return [layer];
        var group = Services.Layers.Visible(Http.User, name).Where(l => l.Info.Schema.HasGeometry).ToList();
        return Services.Layers.Workspaces.Any(w => w.Id == name) && group.Count > 0 && (Workspace is null || Workspace == name)
            ? group : throw WmsException.LayerNotDefined(name);
    }

    /// <summary>The name a layer has at this endpoint (unqualified on a workspace endpoint).</summary>
    public string NameOf(LayerInfo layer) => Workspace is null ? layer.Id : layer.Name;
}
