namespace GeoServer.Core.Downloads;

/// <summary>The file formats a download package can hold: five for features, GeoTIFF for rasters.</summary>
public enum FileFormat { GeoPackage, Shapefile, GeoJson, Csv, Kml, GeoTiff }
