using System.Globalization;

namespace GeoServer.Tiles.Vector;

/// <summary>
/// A property value as a Mapbox Vector Tile stores it: one typed member of the <c>Value</c> message. Values are
/// compared by kind and exact bits, which is how a layer shares one <c>values</c> entry between features.
/// </summary>
public readonly record struct MvtValue
{
    private MvtValue(MvtValueKind kind, string? text, ulong bits)
    {
        Kind = kind;
        Text = text;
        Bits = bits;
    }

    /// <summary>Which member of the <c>Value</c> message is written.</summary>
    public MvtValueKind Kind { get; }

    // The string of a String value; null for every other kind.
    internal string? Text { get; }

    // Numbers and booleans as raw bits (IEEE 754 for float and double), so equality is exact and NaN equals NaN.
    internal ulong Bits { get; }

    /// <summary>A <c>string_value</c>.</summary>
    public static MvtValue String(string value) => new(MvtValueKind.String, value ?? throw new ArgumentNullException(nameof(value)), 0);

    /// <summary>A <c>float_value</c> (32-bit).</summary>
    public static MvtValue Float(float value) => new(MvtValueKind.Float, null, BitConverter.SingleToUInt32Bits(value));

    /// <summary>A <c>double_value</c> (64-bit).</summary>
    public static MvtValue Double(double value) => new(MvtValueKind.Double, null, BitConverter.DoubleToUInt64Bits(value));

    /// <summary>An <c>int_value</c> (int64).</summary>
    public static MvtValue Int(long value) => new(MvtValueKind.Int, null, unchecked((ulong)value));

    /// <summary>A <c>uint_value</c> (uint64).</summary>
    public static MvtValue UInt(ulong value) => new(MvtValueKind.UInt, null, value);

    /// <summary>A <c>sint_value</c> (sint64, zigzag on the wire).</summary>
    public static MvtValue SInt(long value) => new(MvtValueKind.SInt, null, unchecked((ulong)value));

    /// <summary>A <c>bool_value</c>.</summary>
    public static MvtValue Bool(bool value) => new(MvtValueKind.Bool, null, value ? 1UL : 0UL);

    /// <summary>
    /// The value a feature property becomes, or false when it has none: MVT has no null, so a null (or binary, or
    /// geometry) property is left out of the feature's tags, as GDAL and PostGIS's ST_AsMVT do. Integers become
    /// <c>uint_value</c> when not negative and <c>sint_value</c> otherwise (the shortest encodings, and what
    /// Mapbox's encoders write); float stays float; double and decimal become double; dates and times become
    /// ISO 8601 strings; anything else its invariant string. An <see cref="MvtValue"/> passes through unchanged.
    /// </summary>
    public static bool TryFrom(object? value, out MvtValue result)
    {
        result = value switch
        {
            MvtValue v => v,
            string s => String(s),
            bool b => Bool(b),
            byte n => UInt(n),
            ushort n => UInt(n),
            uint n => UInt(n),
            ulong n => UInt(n),
            sbyte n => Integer(n),
            short n => Integer(n),
            int n => Integer(n),
            long n => Integer(n),
            float f => Float(f),
            double d => Double(d),
            decimal m => Double((double)m),
            DateTime t => String(t.ToString(t.TimeOfDay == TimeSpan.Zero && t.Kind == DateTimeKind.Unspecified ? "yyyy-MM-dd" : "O", CultureInfo.InvariantCulture)),
            DateTimeOffset t => String(t.ToString("O", CultureInfo.InvariantCulture)),
            DateOnly d => String(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            TimeOnly t => String(t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            null or byte[] or NetTopologySuite.Geometries.Geometry => default,
            IFormattable f => String(f.ToString(null, CultureInfo.InvariantCulture)),
            _ => String(value.ToString() ?? ""),
        };
        return value is not (null or byte[] or NetTopologySuite.Geometries.Geometry);
    }

    private static MvtValue Integer(long n) => n >= 0 ? UInt((ulong)n) : SInt(n);

    /// <summary>Writes the <c>Value</c> message body (without its own tag and length).</summary>
    internal void WriteTo(ProtobufWriter writer)
    {
        switch (Kind)
        {
            case MvtValueKind.String: writer.WriteStringField(1, Text!); break;
            case MvtValueKind.Float: writer.WriteFloatField(2, BitConverter.UInt32BitsToSingle((uint)Bits)); break;
            case MvtValueKind.Double: writer.WriteDoubleField(3, BitConverter.UInt64BitsToDouble(Bits)); break;
            case MvtValueKind.Int: writer.WriteVarintField(4, Bits); break;
            case MvtValueKind.UInt: writer.WriteVarintField(5, Bits); break;
            case MvtValueKind.SInt: writer.WriteVarintField(6, ProtobufWriter.ZigZag(unchecked((long)Bits))); break;
            case MvtValueKind.Bool: writer.WriteVarintField(7, Bits); break;
        }
    }

    public override string ToString() => Kind switch
    {
        MvtValueKind.String => Text!,
        MvtValueKind.Float => BitConverter.UInt32BitsToSingle((uint)Bits).ToString(CultureInfo.InvariantCulture),
        MvtValueKind.Double => BitConverter.UInt64BitsToDouble(Bits).ToString(CultureInfo.InvariantCulture),
        MvtValueKind.UInt => Bits.ToString(CultureInfo.InvariantCulture),
        MvtValueKind.Bool => Bits != 0 ? "true" : "false",
        _ => unchecked((long)Bits).ToString(CultureInfo.InvariantCulture),
    };
}
