namespace GeoServer.Data.Import;

/// <summary>Why an import was refused; the admin API answers each with its own status (400, 404, 409, 413, 422).</summary>
public enum ImportFailure
{
    /// <summary>The request itself is wrong: a bad option, a name that sanitises to nothing.</summary>
    BadRequest,

    /// <summary>The workspace (or the store named) does not exist.</summary>
    NotFound,

    /// <summary>The layer exists and replacing it was not asked for, or it is not an import and cannot be replaced.</summary>
    Conflict,

    /// <summary>Beyond a size limit: the upload, an archive's unpacked size or ratio, a raster's size.</summary>
    TooLarge,

    /// <summary>The file cannot be published as it is: damaged, unknown format, no or unknown CRS, no features, mixed geometry types, unsafe archive.</summary>
    Unprocessable,
}
