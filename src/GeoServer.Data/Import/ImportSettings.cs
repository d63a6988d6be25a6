using GeoServer.Core.Configuration;
using GeoServer.Core.Crs;

namespace GeoServer.Data.Import;

/// <summary>How to read a file being imported: the limits, the CRSs the server serves, and what the importer said.</summary>
public sealed record ImportSettings(ImportOptions Limits, CrsRegistry Crs)
{
    /// <summary>The data's CRS (an EPSG code) when the file does not say it or says it wrongly; it is assigned, not reprojected to.</summary>
    public int? Srid { get; init; }

    /// <summary>Which layer of a dataset holding several (a GeoPackage, a folder of shapefiles) to import.</summary>
    public string? SourceLayer { get; init; }
}
