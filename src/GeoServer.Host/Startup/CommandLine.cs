using GeoServer.Host.Import;

namespace GeoServer.Host.Startup;

/// <summary>
/// The server's command line: <c>[serve] [--port N] [--host ADDRESS] [--config FILE] [--postgres CONNECTION]</c>, or
/// <c>seed …</c> or <c>import …</c> with their own options.
/// Anything else is an error with usage, so a typo never starts a server with defaults the user did not ask for.
/// <see cref="Postgres"/> is an Npgsql connection string whose spatial tables are published in workspace "db".
/// </summary>
public sealed record CommandLine(int Port, string Host, string? ConfigFile, string? Postgres = null, SeedCommand? Seed = null, ImportCommand? Import = null)
{
    public const string Usage = "usage: geosdi serve [--port N] [--host ADDRESS] [--config FILE] [--postgres \"Host=…;Database=…\"]\n" +
                                "       geosdi seed TILESET [--zooms 0-8] [--bbox minlon,minlat,maxlon,maxlat] [--grid WebMercatorQuad] [--format png|jpg|mvt] [--config FILE]\n" +
                                "       geosdi import FILE --workspace W [--layer NAME] [--into gpkg|postgis] [--crs EPSG:n] [--source-layer L] [--store S]\n" +
                                "                     [--access open|shared|restricted] [--replace] [--config FILE]";

    public static CommandLine Parse(string[] args)
    {
        int port = 8080;
        string host = "127.0.0.1";
        string? config = null, postgres = null;
        SeedCommand? seed = null;
        ImportCommand? import = null;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            switch (args[i])
            {
                case "serve" when i == 0: break;
                case "seed" when i == 0:
                    seed = new SeedCommand(i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                        ? args[++i] : throw new ArgumentException($"seed needs a tileset (a layer id or a workspace). {Usage}"));
                    break;
                case "--zooms" when seed is not null: seed = seed with { Zooms = SeedCommand.ParseZooms(Value()) }; break;
                case "--bbox" when seed is not null: seed = seed with { BBox = SeedCommand.ParseBBox(Value()) }; break;
                case "--grid" when seed is not null: seed = seed with { Grid = Value() }; break;
                case "--format" when seed is not null: seed = seed with { Format = SeedCommand.ParseFormat(Value()) }; break;
                case "import" when i == 0:
                    import = new ImportCommand(i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                        ? args[++i] : throw new ArgumentException($"import needs a file. {Usage}"));
                    break;
                case "--workspace" when import is not null: import = import with { Workspace = Value() }; break;
                case "--layer" when import is not null: import = import with { Layer = Value() }; break;
                case "--into" when import is not null: import = import with { Into = ImportCommand.ParseInto(Value()) }; break;
                case "--crs" when import is not null: import = import with { Crs = Value() }; break;
                case "--source-layer" when import is not null: import = import with { SourceLayer = Value() }; break;
                case "--store" when import is not null: import = import with { Store = Value() }; break;
                case "--access" when import is not null: import = import with { Access = ImportCommand.ParseAccess(Value()) }; break;
                case "--replace" when import is not null: import = import with { Replace = true }; break;
                case "--port":
                    var text = Value();
                    if (!int.TryParse(text, out port) || port is < 0 or > 65535)
                        throw new ArgumentException($"--port '{text}' is not a TCP port. {Usage}");
                    break;
                case "--host": host = Value(); break;
                case "--config": config = Value(); break;
                case "--postgres": postgres = Value(); break;
                // The web host's own switches (used by test hosts) pass through untouched.
                case var a when a.StartsWith("--urls", StringComparison.Ordinal) || a.StartsWith("--environment", StringComparison.Ordinal)
                                 || a.StartsWith("--contentRoot", StringComparison.Ordinal) || a.StartsWith("--applicationName", StringComparison.Ordinal):
                    if (!a.Contains('=')) i++;
                    break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }
        if (import is { Workspace: null }) throw new ArgumentException($"import needs --workspace. {Usage}");
        return new CommandLine(port, host, config, postgres, seed, import);
    }
}
