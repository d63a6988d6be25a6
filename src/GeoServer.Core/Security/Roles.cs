namespace GeoServer.Core.Security;

/// <summary>
/// The role claims the access policy reads, each spelled once. A key or user configured with a role and a list of
/// workspaces carries one claim per workspace: "workspace:{id}" (member: sees its restricted layers),
/// "editor:{id}" (also edits its features), "workspace-admin:{id}" (also administers it); "admin" is everything.
/// Every authenticated caller also holds "agency", which is what <c>shared</c> layers ask for.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Agency = "agency";

    public static string MemberOf(string workspace) => "workspace:" + workspace;

    public static string EditorOf(string workspace) => "editor:" + workspace;

    public static string AdminOf(string workspace) => "workspace-admin:" + workspace;

    /// <summary>
    /// The caller name of an API key (users go by their own names): what a restricted layer's AllowedKeys match.
    /// </summary>
    public static string KeyCaller(string keyName) => "key:" + keyName;
}
