namespace GeoServer.Core.Security;

/// <summary>What a configured API key or user may do, each level including the ones before it.</summary>
public enum Role
{
    /// <summary>An authenticated state agency: sees <c>shared</c> layers.</summary>
    Agency,

    /// <summary>Also sees the <c>restricted</c> layers of its workspaces.</summary>
    Member,

    /// <summary>Also creates, replaces, updates and deletes features in its workspaces.</summary>
    Editor,

    /// <summary>Also administers its workspaces.</summary>
    WorkspaceAdmin,

    /// <summary>Everything, in every workspace.</summary>
    Admin,
}
