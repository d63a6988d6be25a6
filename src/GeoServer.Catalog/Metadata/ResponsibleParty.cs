namespace GeoServer.Catalog.Metadata;

/// <summary>An organisation or person and its role for the resource (ISO 19115 CI_ResponsibleParty).</summary>
public sealed record ResponsibleParty
{
    public required LocalizedText Organisation { get; init; }
    public string? Individual { get; init; }
    public string? Position { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }

    /// <summary>The party's web site.</summary>
    public string? Url { get; init; }
    public RoleCode Role { get; init; } = RoleCode.PointOfContact;
}
