namespace GeoServer.Catalog.Metadata;

/// <summary>
/// What a record describes (ISO 19115 MD_ScopeCode; also dc:type and the OGC API – Records "type"): a layer with
/// geometry is a dataset, a table without one a non-geographic dataset, an endpoint a service.
/// </summary>
public enum RecordType { Dataset, NonGeographicDataset, Series, Service }
