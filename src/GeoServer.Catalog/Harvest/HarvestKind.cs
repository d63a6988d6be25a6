namespace GeoServer.Catalog.Harvest;

/// <summary>What a harvested source is: a CSW 2.0.2 read in Dublin Core or in ISO 19139, or a WMS capabilities document.</summary>
public enum HarvestKind { CswDublinCore, CswIso, WmsCapabilities }
