namespace GeoServer.Tiles.Styles;

/// <summary>Reads style files by extension: ".sld"/".xml" through the SLD importer, anything else as style JSON.</summary>
public static class StyleFiles
{
    /// <summary>The styles in the file and the importer's warnings; throws <see cref="StyleException"/> when unreadable.</summary>
    public static SldImportResult Load(string path)
    {
        using var stream = File.OpenRead(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".sld" or ".xml") return SldImporter.Import(stream);
        return new SldImportResult([StyleJson.Read(stream)], []);
    }
}
