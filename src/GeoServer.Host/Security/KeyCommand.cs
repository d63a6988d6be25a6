namespace GeoServer.Host.Security;

/// <summary>
/// <c>geosdi key</c>: makes a new API key and prints it once with the hash to configure;
/// <c>geosdi key --password</c>: reads a password from standard input and prints its hash for Security:Users.
/// </summary>
public static class KeyCommand
{
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case []:
                var key = SecretHash.NewApiKey();
                output.WriteLine($"API key (give it to the client; it is not stored): {key}");
                output.WriteLine($"Hash for the configuration (Security:ApiKeys:NAME:Hash): {SecretHash.OfApiKey(key)}");
                return 0;
            case ["--password"]:
                var password = input.ReadLine();
                if (string.IsNullOrEmpty(password))
                {
                    error.WriteLine("geosdi key --password: give the password on standard input.");
                    return 2;
                }
                output.WriteLine(SecretHash.OfPassword(password));
                return 0;
            default:
                error.WriteLine("usage: geosdi key               new API key and its hash\n       geosdi key --password    hash of a password read from standard input");
                return 2;
        }
    }
}
