namespace GeoServer.Catalog.Metadata;

/// <summary>ISO 19115 MD_MaintenanceFrequencyCode: how often the resource is updated (code = name, first letter lower-case).</summary>
public enum MaintenanceFrequency
{
    Continual, Daily, Weekly, Fortnightly, Monthly, Quarterly, Biannually, Annually, AsNeeded, Irregular, NotPlanned, Unknown,
}
