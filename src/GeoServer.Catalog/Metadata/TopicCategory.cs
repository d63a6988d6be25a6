namespace GeoServer.Catalog.Metadata;

/// <summary>
/// ISO 19115 MD_TopicCategoryCode. The code written in XML and JSON is the member's name with a lower-case first
/// letter (<see cref="MetadataCodes.Code{T}"/>), so each name is spelled once, here.
/// </summary>
public enum TopicCategory
{
    Farming, Biota, Boundaries, ClimatologyMeteorologyAtmosphere, Economy, Elevation, Environment,
    GeoscientificInformation, Health, ImageryBaseMapsEarthCover, IntelligenceMilitary, InlandWaters, Location, Oceans,
    PlanningCadastre, Society, Structure, Transportation, UtilitiesCommunication,
}
