namespace GeoServer.Core.Filtering;

/// <summary>
/// A node of a parsed OGC CQL2 filter (OGC 21-065r2). CQL2 Text and CQL2 JSON parse to this one tree, and the same
/// filter in either encoding gives equal trees. The node types are a closed set: stores translate a tree to SQL by
/// switching on the node type. Predicates (boolean-valued) are <see cref="And"/>, <see cref="Or"/>, <see cref="Not"/>,
/// <see cref="Comparison"/>, <see cref="Like"/>, <see cref="Between"/>, <see cref="In"/>, <see cref="IsNull"/>,
/// <see cref="SpatialPredicate"/>, <see cref="TemporalPredicate"/> and a boolean <see cref="Literal"/>; the other
/// nodes are operands.
/// </summary>
public abstract record CqlExpression
{
    // Closed hierarchy: a store's switch over the node types in this folder is exhaustive.
    private protected CqlExpression()
    {
    }

    /// <summary>The direct operands of this node, left to right; empty for leaves.</summary>
    public abstract IEnumerable<CqlExpression> Children { get; }

    /// <summary>
    /// A copy of the tree in which every node is replaced by <paramref name="map"/>(node), children before their
    /// parent; <paramref name="map"/> returns its argument to keep a node. Used, for example, to transform
    /// <see cref="GeometryLiteral"/>s from the filter CRS to the storage CRS.
    /// </summary>
    public CqlExpression Rewrite(Func<CqlExpression, CqlExpression> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var copy = this switch
        {
            And and => new And(and.Operands.Select(o => o.Rewrite(map)).ToArray()),
            Or or => new Or(or.Operands.Select(o => o.Rewrite(map)).ToArray()),
            Not not => new Not(not.Operand.Rewrite(map)),
            Comparison c => c with { Left = c.Left.Rewrite(map), Right = c.Right.Rewrite(map) },
            Like like => new Like(like.Value.Rewrite(map), like.Pattern.Rewrite(map)),
            Between between => new Between(between.Value.Rewrite(map), between.Low.Rewrite(map), between.High.Rewrite(map)),
            In @in => new In(@in.Value.Rewrite(map), @in.Values.Select(v => v.Rewrite(map)).ToArray()),
            IsNull isNull => new IsNull(isNull.Value.Rewrite(map)),
            SpatialPredicate s => s with { Left = s.Left.Rewrite(map), Right = s.Right.Rewrite(map) },
            TemporalPredicate t => t with { Left = t.Left.Rewrite(map), Right = t.Right.Rewrite(map) },
            CaseInsensitive ci => new CaseInsensitive(ci.Operand.Rewrite(map)),
            AccentInsensitive ai => new AccentInsensitive(ai.Operand.Rewrite(map)),
            IntervalLiteral i => new IntervalLiteral(i.Start?.Rewrite(map), i.End?.Rewrite(map)),
            _ => this,
        };
        return map(copy);
    }

    /// <summary>The filter as CQL2 Text, which <see cref="CqlTextParser"/> reads back to an equal tree.</summary>
    public sealed override string ToString() => CqlTextWriter.Write(this);
}
