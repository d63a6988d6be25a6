namespace GeoServer.Core.Filtering;

/// <summary>True when every operand is true (SQL three-valued AND); at least two operands.</summary>
public sealed record And(IReadOnlyList<CqlExpression> Operands) : CqlExpression
{
    public IReadOnlyList<CqlExpression> Operands { get; } = Operands is { Count: >= 2 }
        ? Operands
        : throw new ArgumentException("AND needs at least two operands.", nameof(Operands));

    public override IEnumerable<CqlExpression> Children => Operands;

    public bool Equals(And? other) => other is not null && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => CqlHash.Of(Operands, 1);
}
