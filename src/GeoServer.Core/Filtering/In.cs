namespace GeoServer.Core.Filtering;

/// <summary><c>Value IN (Values…)</c>: equal to at least one of one or more values of Value's kind of type.</summary>
public sealed record In(CqlExpression Value, IReadOnlyList<CqlExpression> Values) : CqlExpression
{
    public IReadOnlyList<CqlExpression> Values { get; } = Values is { Count: >= 1 }
        ? Values
        : throw new ArgumentException("IN needs at least one value.", nameof(Values));

    public override IEnumerable<CqlExpression> Children => Values.Prepend(Value);

    public bool Equals(In? other) => other is not null && Value.Equals(other.Value) && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => CqlHash.Of(Values.Prepend(Value), 3);
}
