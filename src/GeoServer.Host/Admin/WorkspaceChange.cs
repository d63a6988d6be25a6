using GeoServer.Core.Configuration;

namespace GeoServer.Host.Admin;

/// <summary>
/// One change an admin makes to part of a database workspace: the whole new definition, what to audit (action,
/// target, the part before and after as JSON, passwords masked), the answer to give once it is saved, the store to
/// open for the check (null: every store) and work to do after saving (removing a deleted layer's styles).
/// </summary>
public sealed record WorkspaceChange(WorkspaceOptions Next, string Action, string Target, string? Before, string? After, IResult Answer,
    string? CheckStore = null, Func<CancellationToken, Task>? AfterSave = null);
