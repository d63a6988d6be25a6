using System.Text;
using Npgsql;

namespace GeoServer.Data.Import;

/// <summary>
/// GDAL's PostgreSQL driver speaks libpq, whose connection strings differ from Npgsql's ("host=… dbname=… user=…"
/// against "Host=…;Database=…;Username=…"): this turns a store's Npgsql string into GDAL's "PG:…" dataset name.
/// </summary>
public static class LibpqConnectionString
{
    /// <summary>"PG:host='…' port='…' dbname='…' …" for the same server, database and login as <paramref name="npgsql"/>.</summary>
    public static string ToGdal(string npgsql)
    {
        var b = new NpgsqlConnectionStringBuilder(npgsql);
        var libpq = new StringBuilder("PG:");
        void Add(string key, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (libpq.Length > 3) libpq.Append(' ');
            // libpq quotes values in single quotes, escaping ' and \ with a backslash.
            libpq.Append(key).Append("='").Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append('\'');
        }
        Add("host", b.Host);
        Add("port", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("dbname", b.Database);
        Add("user", b.Username);
        Add("password", b.Password);
        Add("passfile", b.Passfile);
        Add("sslmode", b.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Prefer => "prefer",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => null,
        });
        Add("sslrootcert", b.RootCertificate);
        Add("sslcert", b.SslCertificate);
        Add("sslkey", b.SslKey);
        Add("connect_timeout", b.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("application_name", b.ApplicationName ?? "GeoSDI import");
        Add("options", b.Options);
        return libpq.ToString();
    }
}
