namespace GeoServer.Core.Configuration;

/// <summary>The service provider's contact, as WMS/WMTS/CSW capabilities and ISO 19115 records name it.</summary>
public sealed class ContactOptions
{
    public string Organization { get; init; } = "Bộ Tài nguyên và Môi trường";
    public string? Person { get; init; }
    public string? Position { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? City { get; init; } = "Hà Nội";
    public string? Country { get; init; } = "Việt Nam";
}
