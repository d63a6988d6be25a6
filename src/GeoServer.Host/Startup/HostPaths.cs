namespace GeoServer.Host.Startup;

/// <summary>The folder relative paths of the configuration resolve against (the configuration file's folder).</summary>
public sealed record HostPaths(string BaseDirectory);
