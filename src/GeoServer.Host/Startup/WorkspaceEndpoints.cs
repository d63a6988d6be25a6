using GeoServer.Core.Layers;

namespace GeoServer.Host.Startup;

/// <summary>
/// A workspace's virtual endpoints, /ws/{workspace}/ogc, /ws/{workspace}/wmts and /ws/{workspace}/tiles: the same
/// services, answering as if the server held only that workspace. The request is routed as the global endpoint
/// with /ws/{workspace} moved to the path base (so every link the service writes stays under it), and the caller
/// is scoped to the workspace (<see cref="ScopedCaller"/>), which the registry applies to every lookup. WMS and CSW
/// have virtual endpoints of their own.
/// </summary>
public static class WorkspaceEndpoints
{
    private const string ScopeItem = "geosdi.workspace-scope";
    private static readonly string[] Services = ["ogc", "wmts", "tiles"];

    /// <summary>Before routing: moves /ws/{workspace} into the path base of a request for a scoped service.</summary>
    public static IApplicationBuilder UseWorkspaceEndpoints(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var path = http.Request.Path.Value ?? "";
        if (path.StartsWith("/ws/", StringComparison.Ordinal))
        {
            int slash = path.IndexOf('/', 4);
            if (slash > 4)
            {
                string workspace = path[4..slash], rest = path[slash..];
                if (Services.Any(s => rest == "/" + s || rest.StartsWith("/" + s + "/", StringComparison.Ordinal)))
                {
                    var registry = http.RequestServices.GetRequiredService<LayerRegistry>();
                    if (registry.Workspaces.All(w => w.Id != workspace))
                    {
                        http.Response.StatusCode = StatusCodes.Status404NotFound;
                        return Results.Problem(statusCode: 404, title: "Not Found", detail: $"No workspace '{workspace}'.").ExecuteAsync(http);
                    }
                    http.Request.PathBase = http.Request.PathBase.Add("/ws/" + workspace);
                    http.Request.Path = rest;
                    http.Items[ScopeItem] = workspace;
                }
            }
        }
        return next(http);
    });

    /// <summary>After authentication: the caller of a scoped request sees only its workspace.</summary>
    public static IApplicationBuilder UseWorkspaceScope(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Items[ScopeItem] is string workspace) http.User = new ScopedCaller(http.User, workspace);
        return next(http);
    });
}
