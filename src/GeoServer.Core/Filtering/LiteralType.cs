namespace GeoServer.Core.Filtering;

/// <summary>The scalar literal types of CQL2 and the .NET type each keeps its <see cref="Literal.Value"/> in.</summary>
public enum LiteralType
{
    /// <summary><see cref="string"/>, escapes already decoded; a LIKE pattern keeps its <c>\</c> escapes.</summary>
    String,

    /// <summary><see cref="long"/>: a number written without a decimal point or exponent.</summary>
    Integer,

    /// <summary><see cref="double"/>: a number written with a decimal point or exponent.</summary>
    Number,

    /// <summary><see cref="bool"/>.</summary>
    Boolean,

    /// <summary>
    /// <see cref="DateOnly"/>: DATE('yyyy-mm-dd') or {"date": …}. Against a timestamp it stands for midnight UTC of
    /// that day, as <see cref="TemporalPredicate.Expand"/> assumes when it folds two literals.
    /// </summary>
    Date,

    /// <summary><see cref="DateTimeOffset"/> in UTC (offset zero): TIMESTAMP('…Z') or {"timestamp": …}.</summary>
    Timestamp,
}
