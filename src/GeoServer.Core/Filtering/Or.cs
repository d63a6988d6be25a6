namespace GeoServer.Core.Filtering;

/// <summary>True when any operand is true (SQL three-valued OR); at least two operands.</summary>
public sealed record Or(IReadOnlyList<CqlExpression> Operands) : CqlExpression
{
    public IReadOnlyList<CqlExpression> Operands { get; } = Operands is { Count: >= 2 }
        ? Operands
        : throw new ArgumentException("OR needs at least two operands.", nameof(Operands));

    public override IEnumerable<CqlExpression> Children => Operands;

    public bool Equals(Or? other) => other is not null && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => CqlHash.Of(Operands, 2);
}
