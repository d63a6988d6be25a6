namespace GeoServer.Core.Filtering;

/// <summary>The binary comparison operators of Basic CQL2: = &lt;&gt; &lt; &lt;= &gt; &gt;=.</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}
