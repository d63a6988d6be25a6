using Microsoft.AspNetCore.Authentication;

namespace GeoServer.Host.Security;

/// <summary>
/// Runs authentication for every request and answers wrong credentials with 401 (and a Basic challenge, so desktop
/// clients ask for a password), before any service sees the request.
/// </summary>
public static class CredentialsMiddleware
{
    public static IApplicationBuilder UseCredentials(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
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
}
