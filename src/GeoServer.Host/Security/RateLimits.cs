using System.Globalization;
using System.Threading.RateLimiting;
using GeoServer.Core.Configuration;
using Microsoft.AspNetCore.RateLimiting;

namespace GeoServer.Host.Security;

/// <summary>
/// Requests per minute per API key or user (its RequestsPerMinute) and per address for anonymous callers
/// (AnonymousRequestsPerMinute), with ASP.NET Core's rate limiter: beyond the limit a 429 with Retry-After.
/// Callers without a limit are not counted at all.
/// </summary>
public static class RateLimits
{
    /// <summary>The claim carrying a caller's limit.</summary>
    public const string Claim = "geosdi:requests-per-minute";

    public static IServiceCollection AddGeoSdiRateLimits(this IServiceCollection services, SecurityOptions security) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                int limit = http.User.FindFirst(Claim) is { } claim ? int.Parse(claim.Value, CultureInfo.InvariantCulture)
                    : http.User.Identity?.IsAuthenticated == true ? 0 : security.AnonymousRequestsPerMinute;
                if (limit <= 0) return RateLimitPartition.GetNoLimiter("unlimited");
                string partition = http.User.Identity?.IsAuthenticated == true
                    ? "caller:" + http.User.Identity.Name
                    : "address:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: 429, title: "Too Many Requests",
                    detail: $"Rate limit reached; retry in {Math.Ceiling(retryAfter.TotalSeconds)} s.").ExecuteAsync(context.HttpContext);
            };
        });
}
