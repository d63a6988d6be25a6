using Npgsql;

namespace GeoServer.Data.PostGis;

/// <summary>
/// The values a request binds, as positional parameters ($1, $2, …): Npgsql then sends the SQL as written,
/// without rewriting it, and no value ever becomes SQL text.
/// </summary>
internal sealed class PostGisParameters
{
    private readonly List<NpgsqlParameter> _values = [];

    /// <summary>Binds the value (its PostgreSQL type follows from its .NET type) and returns its placeholder.</summary>
    public string Add(object value)
    {
        _values.Add(new NpgsqlParameter { Value = value });
        return "$" + _values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public NpgsqlCommand Bind(NpgsqlCommand command)
    {
        foreach (var value in _values) command.Parameters.Add(value);
        return command;
    }
}
