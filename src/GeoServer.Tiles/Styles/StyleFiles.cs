using GeoServer.Core.Sources;

namespace GeoServer.Tiles.Styles;

/// <summary>Reads style files by extension: ".sld"/".xml" through the SLD importer, anything else as style JSON.</summary>
public static class StyleFiles
{
    /// <summary>
    /// The styles in the file and the importer's warnings; the schema types SLD literals as the properties they
    /// are compared with. Throws <see cref="StyleException"/> when the file cannot be read as a style.
    /// </summary>
    public static SldImportResult Load(string path, FeatureSchema schema)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".sld" or ".xml")
        {
            using var stream = File.OpenRead(path);
            return SldImporter.Import(stream, schema);
        }
        return new SldImportResult([StyleJson.Read(File.ReadAllText(path))], []);
    }

    /// <summary>A style sent as text: <paramref name="format"/> "sld" (SLD 1.0 / SE 1.1) or "json" (style JSON).</summary>
    public static SldImportResult Parse(string text, string format, FeatureSchema schema)
    {
        if (format == "sld")
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            return SldImporter.Import(stream, schema);
        }
        return new SldImportResult([StyleJson.Read(text)], []);
    }
}
