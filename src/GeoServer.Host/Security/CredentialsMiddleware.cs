using Microsoft.AspNetCore.Authentication;

namespace GeoServer.Host.Security;

/// <summary>
/// Runs authentication for every request that carries credentials and answers wrong credentials with 401 (and a
/// Basic challenge, so desktop clients ask for a password), before any service sees the request. A request with
/// no key header, no Authorization header and no api_key parameter is anonymous without asking the handler: that
/// is most tile traffic, and the handler's per-request set-up is a noticeable share of a cache hit.
/// </summary>
public static class CredentialsMiddleware
{
    public static IApplicationBuilder UseCredentials(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!MayCarryCredentials(http.Request))
        {
            await next(http);
            return;
        }
        var result = await http.AuthenticateAsync(Credentials.Scheme);
        if (result.Failure is { } failure)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"GeoSDI\", charset=\"UTF-8\"";
            await Results.Problem(statusCode: 401, title: "Unauthorized", detail: failure.Message).ExecuteAsync(http);
            return;
        }
        if (result.Principal is { } principal) http.User = principal;
        await next(http);
    });

    /// <summary>
    /// True when the handler has something to read. The query test is on the raw string (any spelling of the
    /// parameter name, escaped or not, sends the request through the handler, which decides).
    /// </summary>
    internal static bool MayCarryCredentials(HttpRequest request) =>
        request.Headers.ContainsKey(CredentialsAuthenticationHandler.KeyHeader)
        || request.Headers.ContainsKey("Authorization")
        || (request.QueryString.Value is { } query
            && (query.Contains("api", StringComparison.OrdinalIgnoreCase) || query.Contains('%')));
}
