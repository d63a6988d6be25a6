using System.Diagnostics;

namespace GeoServer.Host.Startup;

/// <summary>One structured log line per request: method, path, query, status and duration.</summary>
public sealed class RequestLog(RequestDelegate next, ILogger<RequestLog> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            if (log.IsEnabled(LogLevel.Information))
                log.LogInformation("{Method} {Path}{Query} {Status} {ElapsedMs:0.0} ms", http.Request.Method, http.Request.Path,
                    http.Request.QueryString, http.Response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}
