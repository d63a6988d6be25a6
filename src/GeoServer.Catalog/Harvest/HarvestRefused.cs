namespace GeoServer.Catalog.Harvest;

/// <summary>A harvest URL, or a redirect, that the server will not fetch; the message says why.</summary>
public sealed class HarvestRefused(string message) : Exception(message);
