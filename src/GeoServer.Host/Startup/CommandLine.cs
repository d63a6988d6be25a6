namespace GeoServer.Host.Startup;

/// <summary>
/// The server's command line: <c>[serve] [--port N] [--host ADDRESS] [--config FILE] [--postgres CONNECTION]</c>.
/// Anything else is an error with usage, so a typo never starts a server with defaults the user did not ask for.
/// <see cref="Postgres"/> is an Npgsql connection string whose spatial tables are published in workspace "db".
/// </summary>
public sealed record CommandLine(int Port, string Host, string? ConfigFile, string? Postgres = null, SeedCommand? Seed = null)
{
    public const string Usage = "usage: geosdi serve [--port N] [--host ADDRESS] [--config FILE] [--postgres \"Host=…;Database=…\"]\n" +
                                "       geosdi seed TILESET [--zooms 0-8] [--bbox minlon,minlat,maxlon,maxlat] [--grid WebMercatorQuad] [--format png|jpg|mvt] [--config FILE]";

    public static CommandLine Parse(string[] args)
    {
        int port = 8080;
        string host = "127.0.0.1";
        string? config = null, postgres = null;
        SeedCommand? seed = null;
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
        return new CommandLine(port, host, config, postgres, seed);
    }
}
