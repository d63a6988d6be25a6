namespace GeoServer.Core.Editing;

/// <summary>An edit the store refused; nothing of the transaction it was part of was written.</summary>
public sealed class FeatureEditException(FeatureEditError error, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public FeatureEditError Error { get; } = error;
}
