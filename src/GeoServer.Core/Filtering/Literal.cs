namespace GeoServer.Core.Filtering;

/// <summary>
/// A scalar constant; stores bind <see cref="Value"/> as a parameter. A boolean literal is also a predicate on its
/// own (<c>TRUE</c> matches everything).
/// </summary>
/// <param name="Value">Never null; its .NET type is fixed by <paramref name="Type"/> (see <see cref="LiteralType"/>).</param>
public sealed record Literal(object Value, LiteralType Type) : CqlExpression
{
    /// <summary>TRUE, the filter that matches everything.</summary>
    public static readonly Literal True = new(true, LiteralType.Boolean);

    /// <summary>FALSE, the filter that matches nothing.</summary>
    public static readonly Literal False = new(false, LiteralType.Boolean);

    public object Value { get; } = Check(Value, Type);

    public override IEnumerable<CqlExpression> Children => [];

    /// <summary>A string literal (named Text because String would hide <see cref="string"/> here).</summary>
    public static Literal Text(string value) => new(value, LiteralType.String);

    public static Literal Integer(long value) => new(value, LiteralType.Integer);

    public static Literal Number(double value) => new(value, LiteralType.Number);

    public static Literal Boolean(bool value) => value ? True : False;

    public static Literal Date(DateOnly value) => new(value, LiteralType.Date);

    /// <summary>A timestamp literal; the value is converted to UTC.</summary>
    public static Literal Timestamp(DateTimeOffset value) => new(value.ToUniversalTime(), LiteralType.Timestamp);

    private static object Check(object value, LiteralType type)
    {
        ArgumentNullException.ThrowIfNull(value);
        var ok = type switch
        {
            LiteralType.String => value is string,
            LiteralType.Integer => value is long,
            LiteralType.Number => value is double d && double.IsFinite(d),
            LiteralType.Boolean => value is bool,
            LiteralType.Date => value is DateOnly,
            LiteralType.Timestamp => value is DateTimeOffset { Offset.Ticks: 0 },
            _ => false,
        };
        return ok ? value : throw new ArgumentException($"A {type} literal cannot hold {value.GetType().Name} {value}.", nameof(value));
    }
}
