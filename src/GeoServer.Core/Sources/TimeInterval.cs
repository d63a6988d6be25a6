namespace GeoServer.Core.Sources;

/// <summary>
/// A closed time interval in UTC; a null end is open (".."). An instant has Start == End.
/// </summary>
public readonly record struct TimeInterval(DateTimeOffset? Start, DateTimeOffset? End)
{
    public bool IsInstant => Start is not null && Start == End;
}
