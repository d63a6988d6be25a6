namespace GeoServer.Catalog.Metadata;

/// <summary>ISO 19115 CI_RoleCode: what a responsible party does for the resource (code = name, first letter lower-case).</summary>
public enum RoleCode
{
    ResourceProvider, Custodian, Owner, User, Distributor, Originator, PointOfContact, PrincipalInvestigator, Processor,
    Publisher, Author,
}
