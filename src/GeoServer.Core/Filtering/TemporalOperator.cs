namespace GeoServer.Core.Filtering;

/// <summary>
/// The temporal comparison functions T_AFTER … T_STARTS (Allen's relations, as the OWL-Time ontology defines them).
/// After, Before, Disjoint, Equals and Intersects take instants or intervals; the others take two intervals.
/// </summary>
public enum TemporalOperator
{
    After,
    Before,
    Contains,
    Disjoint,
    During,
    Equals,
    FinishedBy,
    Finishes,
    Intersects,
    Meets,
    MetBy,
    OverlappedBy,
    Overlaps,
    StartedBy,
    Starts,
}
