using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace GeoServer.Core.Crs;

/// <summary>
/// The CRSs the server knows, read once from <c>crs-definitions.json</c>, and the transforms between them.
/// Safe to share between threads.
/// </summary>
public sealed class CrsRegistry
{
    private const string ResourceName = "crs-definitions.json";

    private static readonly Lazy<CrsRegistry> DefaultRegistry = new(LoadEmbedded);

    // ProjNET documents no thread safety for building transforms (its factories share static state and build
    // inverses lazily); building happens once per CRS pair, so one lock costs nothing measurable.
    private static readonly Lock ProjNetLock = new();

    private readonly Dictionary<string, CrsDefinition> _byKey;
    private readonly ConcurrentDictionary<(CrsDefinition From, CrsDefinition To), Lazy<CrsTransform>> _transforms = new();

    private CrsRegistry(List<CrsDefinition> all)
    {
        All = all;
        _byKey = new Dictionary<string, CrsDefinition>(StringComparer.Ordinal);
        foreach (var crs in all)
        {
            if (!_byKey.TryAdd(KeyOf(crs.Uri)!, crs))
                throw new InvalidDataException($"CRS {crs.Uri} is defined twice.");
        }
        Crs84 = Find("OGC:CRS84") ?? throw new InvalidDataException("The CRS definitions lack OGC CRS84.");
    }

    /// <summary>The registry of the definitions embedded in GeoServer.Core.</summary>
    public static CrsRegistry Default => DefaultRegistry.Value;

    /// <summary>Every known CRS, in the order of the definitions file.</summary>
    public IReadOnlyList<CrsDefinition> All { get; }

    /// <summary>OGC CRS84: WGS 84 longitude/latitude, the default CRS of OGC API and GeoJSON.</summary>
    public CrsDefinition Crs84 { get; }

    /// <summary>
    /// Reads definitions in the format of the embedded <c>crs-definitions.json</c>: an array of
    /// {"uri", "title", "wkt", "northingFirst", "maxLatitude"?}, comments allowed.
    /// </summary>
    /// <exception cref="InvalidDataException">An entry lacks a field, has a URI <see cref="Find"/> cannot read,
    /// or has WKT ProjNET cannot parse.</exception>
    public static CrsRegistry Load(Stream json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        var factory = new CoordinateSystemFactory();
        var all = new List<CrsDefinition>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var uri = Required(entry, "uri");
            var key = KeyOf(uri) ?? throw new InvalidDataException($"CRS URI {uri} is not an OGC CRS URI.");
            var wkt = Required(entry, "wkt");
            CoordinateSystem system;
            try
            {
                system = factory.CreateFromWkt(wkt);
            }
            catch (Exception e)
            {
                throw new InvalidDataException($"ProjNET cannot read the WKT of {uri}: {e.Message}", e);
            }
            int? epsg = key.StartsWith("EPSG:", StringComparison.Ordinal)
                ? int.Parse(key.AsSpan(5), CultureInfo.InvariantCulture)
                : null;
            var northingFirst = entry.TryGetProperty("northingFirst", out var n) && n.GetBoolean();
            double? maxLatitude = entry.TryGetProperty("maxLatitude", out var m) ? m.GetDouble() : null;
            all.Add(new CrsDefinition(uri, epsg, Required(entry, "title"), wkt, northingFirst, maxLatitude, system));
        }
        return new CrsRegistry(all);
    }

    /// <summary>
    /// The CRS a request names, or null when the text names none this registry knows. Accepts the OGC http URI
    /// (<c>http://www.opengis.net/def/crs/EPSG/0/4326</c>), the URN (<c>urn:ogc:def:crs:EPSG::4326</c>,
    /// <c>urn:ogc:def:crs:OGC:1.3:CRS84</c>), <c>EPSG:4326</c>, the safe CURIE <c>[EPSG:4326]</c>, WMS 1.3's
    /// <c>CRS:84</c> and GML 2's <c>http://www.opengis.net/gml/srs/epsg.xml#4326</c>; prefixes are case-insensitive.
    /// </summary>
    public CrsDefinition? Find(string? text)
    {
        var key = text is null ? null : KeyOf(text);
        return key is not null && _byKey.TryGetValue(key, out var crs) ? crs : null;
    }

    /// <summary>The CRS of an EPSG code or store SRID (4326 gives EPSG:4326, lat/lon), or null when unknown.</summary>
    public CrsDefinition? FromEpsg(int srid) =>
        _byKey.TryGetValue("EPSG:" + srid.ToString(CultureInfo.InvariantCulture), out var crs) ? crs : null;

    /// <summary>
    /// The transform from one CRS to another, built on first use and cached per pair; safe to call and to use
    /// from many threads.
    /// </summary>
    /// <exception cref="NotSupportedException">ProjNET has no path between the two CRSs.</exception>
    public CrsTransform GetTransform(CrsDefinition from, CrsDefinition to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (_transforms.TryGetValue((from, to), out var cached))
            return cached.Value;
        return _transforms.GetOrAdd((from, to),
            static key => new Lazy<CrsTransform>(() => Build(key.From, key.To))).Value;
    }

    private static CrsTransform Build(CrsDefinition from, CrsDefinition to)
    {
        if (SameCoordinates(from, to))
            return new CrsTransform(from, to, null);
        MathTransform math;
        lock (ProjNetLock)
        {
            // Each direction is built on its own rather than through ProjNET's Inverse(), which mutates and
            // shares state between a transform and its inverse.
            math = new CoordinateTransformationFactory().CreateFromCoordinateSystems(from.System, to.System).MathTransform;
        }
        return new CrsTransform(from, to, math, ClosedForm(from, to));
    }

    /// <summary>The closed-form shortcut for WGS 84 ↔ Web Mercator (ProjNET's transform stays for bounds and checks).</summary>
    private static CrsTransform.PointTransform? ClosedForm(CrsDefinition from, CrsDefinition to)
    {
        static bool IsWgs84(CrsDefinition c) => c.Epsg == 4326 || (c.Epsg is null && c.IsGeographic && c.Uri.EndsWith("CRS84", StringComparison.Ordinal));
        if (IsWgs84(from) && to.Epsg == 3857) return WebMercator.Forward;
        if (from.Epsg == 3857 && IsWgs84(to)) return WebMercator.Inverse;
        return null;
    }

    // CRS84 and EPSG:4326 differ only in authoritative axis order, which this layer leaves to protocol writers.
    private static bool SameCoordinates(CrsDefinition a, CrsDefinition b) =>
        ReferenceEquals(a, b) ||
        a.System is GeographicCoordinateSystem ga && b.System is GeographicCoordinateSystem gb &&
        ga.HorizontalDatum.EqualParams(gb.HorizontalDatum) &&
        ga.AngularUnit.EqualParams(gb.AngularUnit) &&
        ga.PrimeMeridian.EqualParams(gb.PrimeMeridian);

    /// <summary>"EPSG:4326" or "OGC:CRS84" for any accepted spelling; null when the text is not a CRS name.</summary>
    private static string? KeyOf(string text)
    {
        var s = text.AsSpan().Trim();
        // Safe CURIE, as OGC API - Features Part 2 allows for crs and bbox-crs.
        if (s.Length > 2 && s[0] == '[' && s[^1] == ']')
            s = s[1..^1].Trim();

        ReadOnlySpan<char> authority, code;
        if (StripPrefix(ref s, "http://www.opengis.net/def/crs/") || StripPrefix(ref s, "https://www.opengis.net/def/crs/"))
        {
            // {authority}/{version}/{code}; version "0" means the latest, and any version names the same CRS here.
            if (!SplitAuthorityCode(s, '/', out authority, out code))
                return null;
        }
        else if (StripPrefix(ref s, "urn:ogc:def:crs:") || StripPrefix(ref s, "urn:x-ogc:def:crs:"))
        {
            // {authority}:{version}:{code}, the version usually empty (OGC 07-092r1); WFS 1.1 clients also send
            // urn:x-ogc:def:crs:EPSG:{code} without one.
            if (!SplitAuthorityCode(s, ':', out authority, out code))
                return null;
        }
        else if (StripPrefix(ref s, "http://www.opengis.net/gml/srs/epsg.xml#"))
        {
            authority = "EPSG";
            code = s;
        }
        else
        {
            var colon = s.IndexOf(':');
            if (colon <= 0)
                return null;
            authority = s[..colon];
            code = s[(colon + 1)..];
        }

        // WMS 1.3.0 Annex B spells CRS84 as "CRS:84".
        if (authority.Equals("CRS", StringComparison.OrdinalIgnoreCase) && code.SequenceEqual("84"))
            return "OGC:CRS84";
        if (authority.Equals("OGC", StringComparison.OrdinalIgnoreCase) && code.Equals("CRS84", StringComparison.OrdinalIgnoreCase))
            return "OGC:CRS84";
        if (authority.Equals("EPSG", StringComparison.OrdinalIgnoreCase) &&
            int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var epsg) && epsg > 0)
            return "EPSG:" + epsg.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    private static bool StripPrefix(ref ReadOnlySpan<char> s, string prefix)
    {
        if (!s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return false;
        s = s[prefix.Length..];
        return true;
    }

    /// <summary>Splits "authority{sep}version{sep}code" or "authority{sep}code"; false for any other shape.</summary>
    private static bool SplitAuthorityCode(ReadOnlySpan<char> s, char separator, out ReadOnlySpan<char> first, out ReadOnlySpan<char> last)
    {
        first = last = default;
        var a = s.IndexOf(separator);
        var b = s.LastIndexOf(separator);
        if (a <= 0 || (b > a && s[(a + 1)..b].Contains(separator)))
            return false;
        first = s[..a];
        last = s[(b + 1)..];
        return true;
    }

    private static string Required(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"A CRS definition lacks \"{name}\".");

    private static CrsRegistry LoadEmbedded()
    {
        using var stream = typeof(CrsRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The embedded resource {ResourceName} is missing; GeoServer.Core.csproj embeds Crs/{ResourceName}.");
        return Load(stream);
    }
}
