namespace GeoServer.Tiles.Vector;

/// <summary>Which member of the MVT <c>Value</c> message holds a property value (spec 4.1).</summary>
public enum MvtValueKind
{
    /// <summary><c>string_value</c> (field 1).</summary>
    String,

    /// <summary><c>float_value</c> (field 2).</summary>
    Float,

    /// <summary><c>double_value</c> (field 3).</summary>
    Double,

    /// <summary><c>int_value</c> (field 4, int64: negative values cost ten bytes, so prefer <see cref="SInt"/>).</summary>
    Int,

    /// <summary><c>uint_value</c> (field 5, uint64).</summary>
    UInt,

    /// <summary><c>sint_value</c> (field 6, zigzag-encoded sint64).</summary>
    SInt,

    /// <summary><c>bool_value</c> (field 7).</summary>
    Bool,
}
