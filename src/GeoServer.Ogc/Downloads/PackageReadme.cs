using System.Globalization;
using System.Text;
using GeoServer.Core.Downloads;
using GeoServer.Core.Layers;
using GeoServer.Core.Sources;

namespace GeoServer.Ogc.Downloads;

/// <summary>
/// The README.txt of every package: what the data are, where and when they come from, under which licence and access
/// level, in which CRS, how many features, and the query that selected them, in English and then in Vietnamese, so
/// the files keep their provenance wherever they are copied.
/// </summary>
public static class PackageReadme
{
    public const string FileName = "README.txt";

    public static string Write(PackageFacts p)
    {
        var text = new StringBuilder();
        string title = p.Metadata?.TitleEn is { } en && en != p.Layer.Title ? $"{p.Layer.Title} ({en})" : p.Layer.Title;
        text.Append(title).Append('\n').Append('=', Math.Min(title.Length, 80)).Append("\n\n");

        text.Append("ENGLISH\n\n");
        Line(text, "Dataset", title);
        Line(text, "Collection", $"{p.Layer.Id}, published by {p.Layer.Workspace.Title}");
        Line(text, "Source", $"{p.Server}, {p.Source}");
        Line(text, "Request", p.Request);
        Line(text, "Licence", Licence(p) ?? "not stated in the catalog record; ask the publisher before reusing the data");
        if (p.Layer.Attribution is { } credit) Line(text, "Attribution", credit);
        Line(text, "Access level", p.Layer.Access switch
        {
            AccessLevel.Open => "Open: anyone may download the data and reuse them under the licence",
            AccessLevel.Shared => "Shared: for authenticated state agencies only; do not publish the data further",
            _ => $"Restricted: for the members of workspace '{p.Layer.Workspace.Id}' only; do not pass the data on",
        });
        Line(text, "Extracted", Timestamp(p.Extracted));
        Line(text, "CRS", p.Crs is null ? "none (a table without geometry)"
            : $"{p.Crs.Title} ({p.Crs.Uri}); coordinates are written x (easting or longitude) first in every file");
        if (p.Features is { } n) Line(text, "Features", n.ToString(CultureInfo.InvariantCulture));
        if (p.Grid is { } grid) Line(text, "Grid", Grid(p, grid, "pixels", "band", "bands", "extent"));
        Line(text, "Query", p.Query.Count == 0 ? "none: the whole layer" : Query(p));
        Line(text, "Format", $"{p.Format.Name}: {string.Join(", ", p.Files)}");
        foreach (var note in Notes(p, vietnamese: false)) Line(text, "Note", note);
        foreach (var (from, to) in p.RenamedFields) Line(text, "Renamed field", $"{from} → {to}");

        text.Append("\nTIẾNG VIỆT\n\n");
        Line(text, "Tập dữ liệu", p.Layer.Title);
        Line(text, "Lớp dữ liệu", $"{p.Layer.Id}, do {p.Layer.Workspace.Title} công bố");
        Line(text, "Nguồn", $"{p.Server}, {p.Source}");
        Line(text, "Yêu cầu", p.Request);
        Line(text, "Giấy phép", Licence(p) ?? "chưa ghi trong hồ sơ siêu dữ liệu; hỏi đơn vị công bố trước khi sử dụng lại dữ liệu");
        if (p.Layer.Attribution is { } ghiCong) Line(text, "Ghi công", ghiCong);
        Line(text, "Mức truy cập", p.Layer.Access switch
        {
            AccessLevel.Open => "Mở: mọi người đều được tải và sử dụng lại dữ liệu theo giấy phép",
            AccessLevel.Shared => "Chia sẻ: chỉ dành cho các cơ quan nhà nước đã xác thực; không công bố lại dữ liệu",
            _ => $"Hạn chế: chỉ dành cho thành viên của không gian làm việc '{p.Layer.Workspace.Id}'; không chuyển dữ liệu cho người khác",
        });
        Line(text, "Ngày trích xuất", Timestamp(p.Extracted));
        Line(text, "Hệ tọa độ", p.Crs is null ? "không có (bảng không có hình học)"
            : $"{p.Crs.Title} ({p.Crs.Uri}); trong mọi tệp, tọa độ x (hướng đông hoặc kinh độ) được ghi trước");
        if (p.Features is { } count) Line(text, "Số đối tượng", count.ToString(CultureInfo.InvariantCulture));
        if (p.Grid is { } luoi) Line(text, "Lưới điểm ảnh", Grid(p, luoi, "điểm ảnh", "kênh", "kênh", "phạm vi"));
        Line(text, "Truy vấn", p.Query.Count == 0 ? "không có: toàn bộ lớp dữ liệu" : Query(p));
        Line(text, "Định dạng", $"{p.Format.Name}: {string.Join(", ", p.Files)}");
        foreach (var note in Notes(p, vietnamese: true)) Line(text, "Ghi chú", note);
        foreach (var (from, to) in p.RenamedFields) Line(text, "Trường đổi tên", $"{from} → {to}");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append(label).Append(':').Append(' ', Math.Max(1, 18 - label.Length)).Append(value).Append('\n');

    private static string? Licence(PackageFacts p) => p.Metadata?.Licence is { } licence
        ? p.Metadata.LicenceUrl is { } url ? $"{licence} <{url}>" : licence
        : p.Metadata?.LicenceUrl;

    private static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Grid(PackageFacts p, RasterRequest grid, string pixels, string band, string bands, string extent)
    {
        var types = p.Layer.Raster?.Bands.Select(b => b.DataType).Distinct().ToList() ?? [];
        int count = p.Layer.Raster?.Bands.Count ?? 0;
        var e = grid.Extent;
        return FormattableString.Invariant(
            $"{grid.Width} × {grid.Height} {pixels}, {count} {(count == 1 ? band : bands)} ({string.Join(", ", types)}), {extent} {e.MinX:0.########},{e.MinY:0.########},{e.MaxX:0.########},{e.MaxY:0.########}");
    }

    private static string Query(PackageFacts p) => string.Join("; ", p.Query.Select(q => $"{q.Key}={q.Value}"));

    /// <summary>What a reader of the format should know about how the data were written.</summary>
    private static IEnumerable<string> Notes(PackageFacts p, bool vietnamese)
    {
        string key = p.Layer.Schema.KeyName;
        switch (p.Format.Format)
        {
            case FileFormat.GeoPackage:
                yield return vietnamese ? $"cột FID '{key}' là mã đối tượng của máy chủ" : $"the FID column '{key}' is the server's feature id";
                break;
            case FileFormat.GeoJson:
                yield return vietnamese ? $"\"id\" của mỗi đối tượng là mã đối tượng của máy chủ ('{key}')" : $"each feature's \"id\" is the server's feature id ('{key}')";
                break;
            case FileFormat.Shapefile:
                yield return vietnamese
                    ? $"trường '{key}' là mã đối tượng; văn bản mã hóa UTF-8 (tệp .cpg); tên trường tối đa 10 ký tự; ngày giờ ghi dạng văn bản ISO 8601"
                    : $"the field '{key}' is the server's feature id; text is UTF-8 (see the .cpg file); field names have 10 characters at most; date-times are ISO 8601 text";
                break;
            case FileFormat.Csv:
                yield return vietnamese
                    ? $"cột '{key}' là mã đối tượng; UTF-8 có BOM; kiểu của các cột trong tệp .csvt; hình học ở cột X, Y (điểm) hoặc WKT"
                    : $"the column '{key}' is the server's feature id; UTF-8 with a byte order mark; column types in the .csvt file; geometry in the X and Y columns (points) or as WKT";
                break;
            case FileFormat.Kml:
                yield return vietnamese ? $"trường '{key}' là mã đối tượng" : $"the field '{key}' is the server's feature id";
                break;
        }
    }
}
