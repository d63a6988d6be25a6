using GeoServer.Core.Crs;
using GeoServer.Core.Sources;

namespace GeoServer.Data.Gdal;

/// <summary>
/// Reads a north-up raster onto a request's grid without gdalwarp: where each output pixel's centre falls in the
/// source is found exactly on a lattice every <see cref="Step"/> pixels (the CRS transform GeoSDI uses for vectors)
/// and interpolated in between, as GDAL's approximate transformer does; the source window under the grid is read
/// once per band from the overview gdalwarp would choose, then each output pixel takes its nearest or bilinear value. A map tile costs one small RasterIO per band instead of a warp operation built and torn down per
/// request. <see cref="TryRead"/> declines (null) what it does not do the way gdalwarp would — other resamplings,
/// points the transform cannot place — and the caller warps those, as it does rasters with alpha bands or masks.
/// </summary>
internal static class GridSampler
{
    /// <summary>Output pixels between exactly transformed lattice points (sub-pixel error for map-sized grids).</summary>
    public const int Step = 16;

    /// <summary>Largest intermediate window, in values per band; beyond it gdalwarp's chunking is the safer path.</summary>
    private const long MaxWindowValues = 16L << 20;

    /// <summary>GDAL mask flags of the bands it reads: all pixels valid, or valid but at the nodata value.</summary>
    public const int MaskAllValid = 0x01, MaskNoData = 0x08;

    public static RasterBlock? TryRead(GdalDataset dataset, RasterInfo info, double[] geoTransform, CrsTransform toSource, RasterRequest request)
    {
        if (request.Resampling is not (RasterResampling.Nearest or RasterResampling.Bilinear)) return null;
        int width = request.Width, height = request.Height;
        var (columns, rows) = SourcePositions(geoTransform, toSource, request);
        if (columns is null || rows is null) return null;

        // The source window under the grid (full-resolution pixels), and the read's resolution: about the output's.
        double c0 = double.MaxValue, c1 = double.MinValue, r0 = double.MaxValue, r1 = double.MinValue;
        for (int i = 0; i < columns.Length; i++)
        {
            c0 = Math.Min(c0, columns[i]); c1 = Math.Max(c1, columns[i]);
            r0 = Math.Min(r0, rows[i]); r1 = Math.Max(r1, rows[i]);
        }
        var alpha = new byte[width * height];
        var bands = new float[info.Bands.Count][];
        for (int b = 0; b < bands.Length; b++) bands[b] = new float[width * height];
        int x0 = (int)Math.Max(0, Math.Floor(c0)), x1 = (int)Math.Min(info.Width, Math.Ceiling(c1));
        int y0 = (int)Math.Max(0, Math.Floor(r0)), y1 = (int)Math.Min(info.Height, Math.Ceiling(r1));
        if (x1 <= x0 || y1 <= y0) return new RasterBlock(width, height, bands, alpha);
        // The level to read: the coarsest overview still at least as detailed as the output (as gdalwarp picks),
        // read at its own resolution so that each output pixel takes one source value, not a value resampled twice.
        double scale = Math.Min((c1 - c0) / width, (r1 - r0) / height);
        int level = -1;
        double fx = 1, fy = 1;
        var overviews = info.Bands[0].Overviews;
        for (int k = 0; k < overviews.Count; k++)
        {
            double kx = info.Width / (double)overviews[k].Width, ky = info.Height / (double)overviews[k].Height;
            if (Math.Min(kx, ky) <= scale && kx > fx) (level, fx, fy) = (k, kx, ky);
        }
        int ox0 = (int)Math.Floor(x0 / fx), oy0 = (int)Math.Floor(y0 / fy);
        var (lw, lh) = level >= 0 ? overviews[level] : (info.Width, info.Height);
        int bw = Math.Max(1, Math.Min(lw, (int)Math.Ceiling(x1 / fx - 1e-9)) - ox0), bh = Math.Max(1, Math.Min(lh, (int)Math.Ceiling(y1 / fy - 1e-9)) - oy0);
        if ((long)bw * bh > MaxWindowValues) return null;

        var window = new float[bands.Length][];
        for (int b = 0; b < bands.Length; b++)
        {
            var band = dataset.Band(b + 1);
            if (level >= 0) band = band.Overview(level);
            window[b] = new float[bw * bh];
            band.Read(ox0, oy0, bw, bh, window[b], bw, bh, bw, GdalResampling.Nearest);
        }
        var noData = info.Bands.Select(b => b.NoData is { } v ? (float?)v : null).ToArray();
        bool bilinear = request.Resampling == RasterResampling.Bilinear;
        Interpolate(columns, rows, width, height, (col, row, i) =>
        {
            if (col < 0 || row < 0 || col >= info.Width || row >= info.Height) return;
            double u = col / fx - ox0, v = row / fy - oy0;
            int iu = Math.Min(bw - 1, Math.Max(0, (int)u)), iv = Math.Min(bh - 1, Math.Max(0, (int)v));
            int at = iv * bw + iu;
            if (IsNoData(window, noData, at)) return;
            alpha[i] = 255;
            if (bilinear && Blend(window, noData, bw, bh, u - 0.5, v - 0.5, bands, i)) return;
            for (int b = 0; b < bands.Length; b++) bands[b][i] = window[b][at];
        });
        return new RasterBlock(width, height, bands, alpha);
    }

    /// <summary>
    /// Source (column, row) in full-resolution pixels of the lattice points (every <see cref="Step"/> output
    /// pixels along both axes, the grid's far edges included); null when a point has no image in the source CRS.
    /// </summary>
    private static (double[]? Columns, double[]? Rows) SourcePositions(double[] gt, CrsTransform toSource, RasterRequest request)
    {
        int lw = (request.Width + Step - 1) / Step + 1, lh = (request.Height + Step - 1) / Step + 1;
        var columns = new double[lw * lh];
        var rows = new double[lw * lh];
        var e = request.Extent;
        double px = (e.MaxX - e.MinX) / request.Width, py = (e.MaxY - e.MinY) / request.Height;
        for (int j = 0; j < lh; j++)
        for (int i = 0; i < lw; i++)
        {
            double x = e.MinX + Math.Min(i * Step, request.Width) * px, y = e.MaxY - Math.Min(j * Step, request.Height) * py;
            toSource.Transform(ref x, ref y);
            double col = (x - gt[0]) / gt[1], row = (y - gt[3]) / gt[5];
            if (!double.IsFinite(col) || !double.IsFinite(row)) return (null, null);
            columns[j * lw + i] = col;
            rows[j * lw + i] = row;
        }
        return (columns, rows);
    }

    /// <summary>Calls <paramref name="pixel"/> with the source position of every output pixel's centre.</summary>
    private static void Interpolate(double[] columns, double[] rows, int width, int height, Action<double, double, int> pixel)
    {
        int lw = (width + Step - 1) / Step + 1;
        for (int r = 0; r < height; r++)
        {
            int j = r / Step;
            double top = j * Step, t = (r + 0.5 - top) / (Math.Min(top + Step, height) - top);
            for (int i = 0; i < lw - 1; i++)
            {
                int a = j * lw + i, b = a + 1, c = a + lw, d = c + 1;
                // The lattice cell's left and right edges at this row's centre, then along the row.
                double lc = columns[a] + (columns[c] - columns[a]) * t, rc = columns[b] + (columns[d] - columns[b]) * t;
                double lr = rows[a] + (rows[c] - rows[a]) * t, rr = rows[b] + (rows[d] - rows[b]) * t;
                int left = i * Step, right = Math.Min(left + Step, width);
                double span = right - left;
                for (int col = left; col < right; col++)
                {
                    double s = (col + 0.5 - left) / span;
                    pixel(lc + (rc - lc) * s, lr + (rr - lr) * s, r * width + col);
                }
            }
        }
    }

    /// <summary>True when every band that has a nodata value holds it there (one band's nodata alone is data).</summary>
    private static bool IsNoData(float[][] window, float?[] noData, int at)
    {
        bool any = false;
        for (int b = 0; b < window.Length; b++)
        {
            if (noData[b] is not { } n) continue;
            float value = window[b][at];
            if (!(value == n || float.IsNaN(n) && float.IsNaN(value))) return false;
            any = true;
        }
        return any;
    }

    /// <summary>Bilinear value of every band from the four window values around (u, v); false when one is nodata.</summary>
    private static bool Blend(float[][] window, float?[] noData, int bw, int bh, double u, double v, float[][] bands, int i)
    {
        int u0 = (int)Math.Floor(u), v0 = (int)Math.Floor(v);
        double fu = u - u0, fv = v - v0;
        int ua = Math.Clamp(u0, 0, bw - 1), ub = Math.Clamp(u0 + 1, 0, bw - 1);
        int va = Math.Clamp(v0, 0, bh - 1), vb = Math.Clamp(v0 + 1, 0, bh - 1);
        int p = va * bw + ua, q = va * bw + ub, s = vb * bw + ua, t = vb * bw + ub;
        if (IsNoData(window, noData, p) || IsNoData(window, noData, q) || IsNoData(window, noData, s) || IsNoData(window, noData, t)) return false;
        for (int b = 0; b < bands.Length; b++)
        {
            var w = window[b];
            double top = w[p] + (w[q] - w[p]) * fu, bottom = w[s] + (w[t] - w[s]) * fu;
            bands[b][i] = (float)(top + (bottom - top) * fv);
        }
        return true;
    }
}
