namespace GeoServer.Data.Import;

/// <summary>An import refused before anything was kept, with a message for the person importing (never a server path).</summary>
public sealed class ImportException(ImportFailure failure, string message) : Exception(message)
{
    public ImportFailure Failure { get; } = failure;
}
