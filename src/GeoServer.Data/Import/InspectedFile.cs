namespace GeoServer.Data.Import;

/// <summary>A file that passed inspection: what GDAL opens, what to call it, and the EPSG code its data are in.</summary>
public abstract class InspectedFile
{
    /// <summary>What GDAL opens: the file, an unpacked archive's dataset, or a folder of shapefiles.</summary>
    public required string Path { get; init; }

    /// <summary>The name the importer knows the file by (an upload's own name), for messages.</summary>
    public required string FileName { get; init; }

    /// <summary>The layer name to use when none is given, already sanitised (see <see cref="LayerName"/>).</summary>
    public required string DefaultName { get; init; }

    public required int Srid { get; init; }
}
