namespace GeoServer.Host.Admin;

/// <summary>The admin API's problem details (RFC 9457), one helper per status it answers with.</summary>
public static class Problems
{
    public static IResult Bad(string detail) => Results.Problem(statusCode: 400, title: "Bad Request", detail: detail);

    public static IResult NotFound(string detail) => Results.Problem(statusCode: 404, title: "Not Found", detail: detail);

    public static IResult Conflict(string detail) => Results.Problem(statusCode: 409, title: "Conflict", detail: detail);
}
