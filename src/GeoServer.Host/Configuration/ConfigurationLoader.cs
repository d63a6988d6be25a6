using System.Reflection;
using System.Text.Json;
using YamlDotNet.Serialization;

namespace GeoServer.Host.Configuration;

/// <summary>
/// Adds the server configuration: the file named by --config or GEOSDI_CONFIG (JSON or YAML), otherwise the
/// embedded default that serves data-samples/. GEOSDI_ environment variables override either.
/// </summary>
public static class ConfigurationLoader
{
    public const string EnvironmentPrefix = "GEOSDI_";

    /// <summary>Adds the sources and returns the folder relative store paths resolve against.</summary>
    public static string AddGeoSdiConfiguration(this ConfigurationManager configuration, string? configFile)
    {
        configFile ??= Environment.GetEnvironmentVariable(EnvironmentPrefix + "CONFIG");
        string baseDirectory;
        if (configFile is null)
        {
            configuration.AddJsonStream(Assembly.GetExecutingAssembly().GetManifestResourceStream("default-config.json")!);
            baseDirectory = FindSampleRoot();
        }
        else
        {
            var path = Path.GetFullPath(configFile);
            if (!File.Exists(path)) throw new FileNotFoundException($"Configuration file not found: {path}", path);
            configuration.AddJsonStream(ToJson(path));
            baseDirectory = Path.GetDirectoryName(path)!;
        }
        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        return baseDirectory;
    }

    private static Stream ToJson(string path)
    {
        if (!path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            return File.OpenRead(path);
        // The configuration binder reads JSON; YAML is the same tree, so convert it once at start-up.
        var tree = new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(path));
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(tree));
    }

    /// <summary>The folder holding data-samples/: GEOSDI_DATA_ROOT, or the nearest parent of the working or program folder.</summary>
    private static string FindSampleRoot()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentPrefix + "DATA_ROOT") is { Length: > 0 } root) return root;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "data-samples"))) return dir.FullName;
        throw new DirectoryNotFoundException(
            "The embedded default serves data-samples/, but no such folder was found above the working directory; " +
            "run from the repository or set GEOSDI_DATA_ROOT.");
    }
}
