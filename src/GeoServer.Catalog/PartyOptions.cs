using GeoServer.Catalog.Metadata;

namespace GeoServer.Catalog;

/// <summary>A responsible party of a layer's record, in configuration and the admin API (ISO 19115 CI_ResponsibleParty).</summary>
public sealed class PartyOptions
{
    public string Organisation { get; init; } = "";
    public string? OrganisationEn { get; init; }
    public string? Individual { get; init; }
    public string? Position { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public string? Url { get; init; }
    public RoleCode Role { get; init; } = RoleCode.PointOfContact;
}
