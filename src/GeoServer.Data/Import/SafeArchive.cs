using System.IO.Compression;
using GeoServer.Core.Configuration;

namespace GeoServer.Data.Import;

/// <summary>
/// Unpacks a .zip (or .kmz) an importer was given, refusing before writing a byte what could harm the server: an
/// entry whose path is absolute or climbs with "..", more entries, more unpacked bytes or a higher packing ratio than
/// <see cref="ImportOptions"/> allow (a zip bomb claims a few kilobytes unpacking to gigabytes). The central
/// directory's sizes are checked first, then the bytes actually written, since a forged archive can lie about them.
/// </summary>
public static class SafeArchive
{
    private const long RatioFloorBytes = 1 << 20;

    /// <summary>Unpacks <paramref name="archive"/> into the new folder <paramref name="folder"/>; <paramref name="name"/> is how messages call it.</summary>
    public static void Extract(string archive, string folder, string name, ImportOptions limits)
    {
        long maxBytes = (long)limits.MaxUnpackedMegabytes << 20;
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(archive);
        }
        catch (InvalidDataException e)
        {
            throw new ImportException(ImportFailure.Unprocessable, $"'{name}' is not a readable zip archive: {e.Message}");
        }
        using (zip)
        {
            var entries = zip.Entries.Where(e => !IsFolder(e)).ToList();
            if (entries.Count > limits.MaxArchiveEntries)
                throw new ImportException(ImportFailure.TooLarge, $"'{name}' holds {entries.Count} files; at most {limits.MaxArchiveEntries} are accepted.");
            foreach (var entry in zip.Entries)
                if (!IsSafe(entry.FullName))
                    throw new ImportException(ImportFailure.Unprocessable,
                        $"'{name}' holds an entry with an unsafe path ('{entry.FullName}'): absolute paths and '..' are refused.");
            long total = 0, packed = 0;
            foreach (var entry in entries)
            {
                total += entry.Length;
                packed += entry.CompressedLength;
                if (entry.Length > RatioFloorBytes && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    throw new ImportException(ImportFailure.TooLarge,
                        $"'{name}': entry '{entry.FullName}' unpacks {entry.Length / Math.Max(1, entry.CompressedLength)} times its packed size; at most {limits.MaxCompressionRatio} is accepted.");
            }
            if (total > maxBytes)
                throw new ImportException(ImportFailure.TooLarge, $"'{name}' unpacks to {Megabytes(total)} MiB; at most {limits.MaxUnpackedMegabytes} MiB is accepted.");
            if (total > RatioFloorBytes && total > (long)limits.MaxCompressionRatio * Math.Max(1, packed))
                throw new ImportException(ImportFailure.TooLarge,
                    $"'{name}' unpacks {total / Math.Max(1, packed)} times its packed size; at most {limits.MaxCompressionRatio} is accepted.");

            Directory.CreateDirectory(folder);
            var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
            long written = 0;
            foreach (var entry in entries)
            {
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName.Replace('\\', '/')));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                    throw new ImportException(ImportFailure.Unprocessable, $"'{name}' holds an entry with an unsafe path ('{entry.FullName}').");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (File.Exists(target))
                    throw new ImportException(ImportFailure.Unprocessable, $"'{name}' holds '{entry.FullName}' twice.");
                try
                {
                    using var input = entry.Open();
                    using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                    written += CopyAtMost(input, output, entry.Length, maxBytes - written, name, entry.FullName);
                }
                catch (InvalidDataException e)
                {
                    throw new ImportException(ImportFailure.Unprocessable, $"'{name}': entry '{entry.FullName}' is damaged: {e.Message}");
                }
            }
        }
    }

    /// <summary>Copies no more than the entry claims and the budget left allows; more is a forged archive.</summary>
    private static long CopyAtMost(Stream input, Stream output, long claimed, long budget, string name, string entry)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            copied += read;
            if (copied > claimed || copied > budget)
                throw new ImportException(ImportFailure.TooLarge, $"'{name}': entry '{entry}' unpacks to more than its archive says or the limit allows.");
            output.Write(buffer, 0, read);
        }
        return copied;
    }

    private static bool IsFolder(ZipArchiveEntry entry) => entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');

    /// <summary>Relative, inside the archive: no root, drive, NUL or ".." segment, whichever separator the archiver used.</summary>
    internal static bool IsSafe(string path) =>
        path.Length > 0 && !path.Contains('\0') && path[0] is not ('/' or '\\') && !(path.Length > 1 && path[1] == ':')
        && path.Split('/', '\\').All(segment => segment != "..");

    private static long Megabytes(long bytes) => (bytes + (1 << 20) - 1) >> 20;
}
