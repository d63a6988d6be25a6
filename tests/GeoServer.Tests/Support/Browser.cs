using Microsoft.Playwright;

namespace GeoServer.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (its driver ships in the NuGet package; no browser download), for pages
/// whose work finishes in real time, such as a map loading tiles. A missing Chromium fails with the package to
/// install. WebGL (MapLibre) runs on SwiftShader, Chromium's software renderer.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<Browser> LaunchAsync()
    {
        Assert.True(File.Exists(Chromium), "Chromium is not installed. Run the tests with `./geosdi test`, which installs it (or `apt-get install -y chromium`).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"] });
        return new Browser(playwright, browser);
    }

    public Task<IPage> NewPageAsync() => _browser.NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
