namespace GeoServer.Core.Downloads;

/// <summary>What a conversion wrote.</summary>
/// <param name="Files">Every file written, as full paths (a Shapefile's .shp, .shx, .dbf, .prj and .cpg).</param>
/// <param name="RenamedFields">Attributes the format made the converter rename (a Shapefile's 10-character names), old name → new name.</param>
public sealed record VectorConversionResult(IReadOnlyList<string> Files, IReadOnlyDictionary<string, string> RenamedFields);
