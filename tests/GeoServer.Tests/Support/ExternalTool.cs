using System.Diagnostics;

namespace GeoServer.Tests.Support;

/// <summary>
/// Runs a real client program (GDAL's ogr2ogr, Chromium…) against the test server. A missing program fails the
/// test with the package to install: these tests are never silently skipped.
/// </summary>
public static class ExternalTool
{
    /// <summary>
    /// Runs the program and returns its standard output; fails the test on a non-zero exit, and when
    /// <paramref name="errorsFail"/> also when it printed "ERROR" (GDAL reports failed requests only so).
    /// </summary>
    public static async Task<string> RunAsync(string program, string package, string workingDirectory, bool errorsFail,
        params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(program, package))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Loopback must never go through a proxy configured for the machine.
        start.Environment["NO_PROXY"] = start.Environment["no_proxy"] = "127.0.0.1,localhost";
        start.Environment["CPL_DEBUG"] = "OFF";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within 3 minutes.");
        }
        string output = await stdout, errors = await stderr;
        Assert.True(process.ExitCode == 0 && !(errorsFail && errors.Contains("ERROR", StringComparison.Ordinal)),
            $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{errors}\n{output}");
        return output;
    }

    private static string Find(string program, string package)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"'{program}' is not on the PATH. Run the tests with `./geosdi test`, which installs it " +
                    $"(or `apt-get install -y {package}`).");
        return null!;
    }
}
