using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using GeoServer.Core.Sources;
using NetTopologySuite.IO;

namespace GeoServer.Core.Editing;

/// <summary>
/// A feature's entity tag (RFC 9110 8.8.3): a digest of its geometry and values, so it changes exactly when the
/// feature does, whoever changed it (GeoSDI or SQL behind its back), without a version column in the table.
/// </summary>
public static class FeatureTag
{
    /// <summary>The strong tag, quoted as the ETag header carries it.</summary>
    public static string Of(Feature feature)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(number, feature.Id);
        hash.AppendData(number);
        if (feature.Geometry is { } g) hash.AppendData(new WKBWriter(ByteOrder.LittleEndian, false, false).Write(g));
        foreach (var value in feature.Values)
        {
            // A type marker before each value, so ("1", null) and (null, "1") differ.
            hash.AppendData(Encoding.UTF8.GetBytes(value switch
            {
                null => "\0n",
                byte[] bytes => "\0b" + Convert.ToBase64String(bytes),
                IFormattable f => "\0v" + f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var other => "\0s" + other,
            }));
        }
        return "\"" + Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 12)) + "\"";
    }

    /// <summary>Whether an If-Match value ("*", one tag or a list; weak tags never match) admits the tag.</summary>
    public static bool Matches(string ifMatch, string tag)
    {
        foreach (var part in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            if (part == "*" || part == tag) return true;
        return false;
    }
}
