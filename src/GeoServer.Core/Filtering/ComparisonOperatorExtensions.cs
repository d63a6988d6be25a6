namespace GeoServer.Core.Filtering;

/// <summary>What a comparison operator means, in one place for the parsers, the SQL translators and the evaluators.</summary>
public static class ComparisonOperatorExtensions
{
    /// <summary>The operator's symbol: CQL2 and SQL spell the six comparisons alike (=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=).</summary>
    public static string Symbol(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "<=",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>Whether the comparison holds for two values whose order is <paramref name="order"/> (as CompareTo gives).</summary>
    public static bool Holds(this ComparisonOperator op, int order) => op switch
    {
        ComparisonOperator.Equal => order == 0,
        ComparisonOperator.NotEqual => order != 0,
        ComparisonOperator.LessThan => order < 0,
        ComparisonOperator.LessThanOrEqual => order <= 0,
        ComparisonOperator.GreaterThan => order > 0,
        _ => order >= 0,
    };
}
