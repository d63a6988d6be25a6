using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;

namespace GeoServer.Host.Security;

/// <summary>
/// Authenticates a request by its API key (header X-API-Key, or parameter api_key for clients that cannot set
/// headers: the parameter is removed before any service reads the query, so it never reaches a log line or a
/// link) or by HTTP Basic. No credentials = anonymous; wrong credentials fail the request with 401 rather than
/// quietly serving it as anonymous. Other schemes (an identity provider) can be added beside it.
/// </summary>
public sealed class CredentialsAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Credentials credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string KeyHeader = "X-API-Key";
    public const string KeyParameter = "api_key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? key = Request.Headers[KeyHeader];
        if (key is null && Request.Query.ContainsKey(KeyParameter))
        {
            key = Request.Query[KeyParameter].ToString();
            RemoveKeyParameter();
        }
        if (key is not null)
            return Task.FromResult(credentials.FindApiKey(key) is { } principal
                ? AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name))
                : AuthenticateResult.Fail("The API key is not valid."));

        if (AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            string pair;
            try
            {
                pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? ""));
            }
            catch (FormatException)
            {
                return Task.FromResult(AuthenticateResult.Fail("The Basic credentials are not base64."));
            }
            int colon = pair.IndexOf(':');
            return Task.FromResult(colon > 0 && credentials.FindUser(pair[..colon], pair[(colon + 1)..]) is { } user
                ? AuthenticateResult.Success(new AuthenticationTicket(user, Scheme.Name))
                : AuthenticateResult.Fail("Unknown user or wrong password."));
        }
        return Task.FromResult(AuthenticateResult.NoResult());
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"GeoSDI\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    private void RemoveKeyParameter()
    {
        var kept = new QueryBuilder(Request.Query.Where(q => !q.Key.Equals(KeyParameter, StringComparison.OrdinalIgnoreCase)).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))));
        Request.QueryString = kept.ToQueryString();
    }
}
