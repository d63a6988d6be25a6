namespace GeoServer.Data.Import;

/// <summary>A vector layer that can be imported as it is: one geometry family, features, a CRS the server serves.</summary>
public sealed class InspectedVector : InspectedFile
{
    /// <summary>The layer of the dataset to copy.</summary>
    public required string SourceLayer { get; init; }

    /// <summary>The driver's open options the dataset was read with (a CSV's coordinate columns).</summary>
    public required IReadOnlyList<string> OpenOptions { get; init; }

    /// <summary>ogr2ogr's -nlt name of the type to write: "POINT", "MULTIPOLYGON", … (multi when the layer mixes single and multi).</summary>
    public required string GeometryType { get; init; }

    /// <summary>ogr2ogr's -dim: "XY", or "XYZ" when a geometry has heights.</summary>
    public required string Dimension { get; init; }

    public required long Features { get; init; }
}
