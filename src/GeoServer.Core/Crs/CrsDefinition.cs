using ProjNet.CoordinateSystems;

namespace GeoServer.Core.Crs;

/// <summary>
/// A coordinate reference system the server reads, writes and transforms between. Instances come from a
/// <see cref="CrsRegistry"/> and are compared by reference.
/// </summary>
public sealed class CrsDefinition
{
    internal CrsDefinition(string uri, int? epsg, string title, string wkt, bool northingFirst, double? maxLatitude,
        CoordinateSystem system)
    {
        Uri = uri;
        Epsg = epsg;
        Title = title;
        Wkt = wkt;
        NorthingFirst = northingFirst;
        MaxLatitude = maxLatitude;
        System = system;
    }

    /// <summary>The OGC http URI, e.g. <c>http://www.opengis.net/def/crs/EPSG/0/4326</c>.</summary>
    public string Uri { get; }

    /// <summary>The EPSG code (also the SRID stores use), or null for a CRS that EPSG does not define (CRS84).</summary>
    public int? Epsg { get; }

    /// <summary>The authority's name for the CRS, e.g. <c>VN-2000 / TM-3 105-45</c>.</summary>
    public string Title { get; }

    /// <summary>OGC 01-009 WKT1, with TOWGS84 in the Position Vector convention where a datum shift applies.</summary>
    public string Wkt { get; }

    /// <summary>
    /// True when the authoritative axis order puts northing/latitude first (EPSG:4326, EPSG:4756). Only protocol
    /// writers look at it; everything else in the server works in x = east, y = north.
    /// </summary>
    public bool NorthingFirst { get; }

    /// <summary>True for a geographic CRS (degrees of longitude and latitude), false for a projected one (metres).</summary>
    public bool IsGeographic => System is GeographicCoordinateSystem;

    /// <summary>
    /// The latitude (degrees, applied as ±) beyond which the projection has no image, e.g. about 85.05 for
    /// EPSG:3857; null when the whole globe maps.
    /// </summary>
    public double? MaxLatitude { get; }

    internal CoordinateSystem System { get; }

    public override string ToString() => Uri;
}
