using GeoServer.Core.Crs;
using GeoServer.Core.Sources;

namespace GeoServer.Core.Downloads;

/// <summary>
/// What to convert: a GeoJSON FeatureCollection file whose features carry their key as the property
/// <see cref="KeyName"/> and the <see cref="Properties"/> (values as the items endpoint writes them; dates as ISO 8601
/// text), geometries with x = east first in <see cref="Crs"/>.
/// </summary>
/// <param name="Source">The GeoJSON file.</param>
/// <param name="Directory">An empty folder for the converted file(s).</param>
/// <param name="Name">File and layer name of the result, without extension (letters, digits, '_', '-', '.').</param>
/// <param name="Format">A feature format (not GeoTIFF).</param>
/// <param name="KeyName">The features' key property, kept as the key (GeoPackage's FID, GeoJSON's id) or as an attribute.</param>
/// <param name="Properties">The attributes, in order, with the types the result should declare.</param>
/// <param name="GeometryType">OGC simple-feature type name of the geometries (POINT, MULTIPOLYGON, GEOMETRY…); null for none.</param>
/// <param name="Crs">The CRS of the coordinates; null without geometry.</param>
public sealed record VectorConversion(string Source, string Directory, string Name, FileFormat Format, string KeyName,
    IReadOnlyList<PropertyInfo> Properties, string? GeometryType, CrsDefinition? Crs);
