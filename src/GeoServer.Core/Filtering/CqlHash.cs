namespace GeoServer.Core.Filtering;

/// <summary>Hash codes for nodes that hold lists, whose record equality compares the lists item by item.</summary>
internal static class CqlHash
{
    public static int Of(IEnumerable<CqlExpression> items, int seed)
    {
        var hash = new HashCode();
        hash.Add(seed);
        foreach (var item in items)
            hash.Add(item);
        return hash.ToHashCode();
    }
}
