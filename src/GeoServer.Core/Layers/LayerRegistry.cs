using System.Security.Claims;

namespace GeoServer.Core.Layers;

/// <summary>
/// The only way any service reaches a layer: every lookup takes the caller and answers as the access policy
/// allows, so a layer the caller may not see is indistinguishable from one that does not exist. What is published
/// can change while the server runs (<see cref="Replace"/>): each lookup reads one immutable snapshot, so a request
/// never sees half a change.
/// </summary>
public sealed class LayerRegistry
{
    private readonly IAccessPolicy _policy;
    private Snapshot _current;

    public LayerRegistry(IEnumerable<Workspace> workspaces, IEnumerable<Layer> layers, IAccessPolicy policy)
    {
        _policy = policy;
        _current = new Snapshot(workspaces, layers);
    }

    /// <summary>Raised after <see cref="Replace"/>, with the layers before and after, for copies derived from the registry.</summary>
    public event Action<IReadOnlyList<Layer>, IReadOnlyList<Layer>>? Changed;

    /// <summary>Every workspace, whether or not the caller sees any of its layers.</summary>
    public IReadOnlyList<Workspace> Workspaces => _current.Workspaces;

    /// <summary>The workspaces a caller is shown: all of them, or the one its virtual endpoint is scoped to.</summary>
    public IEnumerable<Workspace> WorkspacesFor(ClaimsPrincipal caller) =>
        caller is ScopedCaller scoped ? _current.Workspaces.Where(w => w.Id == scoped.Workspace) : _current.Workspaces;

    /// <summary>
    /// Every published layer whoever asks: for start-up work such as compiling styles, never to answer a request
    /// (requests go through <see cref="Visible"/> and <see cref="Find"/>, which apply the access policy).
    /// </summary>
    public IReadOnlyList<Layer> All => _current.Layers;

    /// <summary>The layers the caller may see, ordered by id; optionally only those of one workspace.</summary>
    public IEnumerable<Layer> Visible(ClaimsPrincipal caller, string? workspace = null)
    {
        if (caller is ScopedCaller scoped)
        {
            if (workspace is not null && workspace != scoped.Workspace) return [];
            workspace = scoped.Workspace;
        }
        return _current.Layers.Where(l => (workspace is null || l.Info.Workspace.Id == workspace) && _policy.CanSee(caller, l.Info));
    }

    /// <summary>The layer with this id if it exists and the caller may see it (in the caller's workspace scope, if any); otherwise null.</summary>
    public Layer? Find(ClaimsPrincipal caller, string id) =>
        _current.ById.TryGetValue(id, out var layer) && _policy.CanSee(caller, layer.Info)
        && (caller is not ScopedCaller scoped || layer.Info.Workspace.Id == scoped.Workspace) ? layer : null;

    /// <summary>Whether the caller may change the features of a layer it found.</summary>
    public bool CanEdit(ClaimsPrincipal caller, Layer layer) => _policy.CanEdit(caller, layer.Info);

    /// <summary>Publishes a new set of workspaces and layers in one step (a configuration change).</summary>
    public void Replace(IEnumerable<Workspace> workspaces, IEnumerable<Layer> layers)
    {
        var next = new Snapshot(workspaces, layers);
        var previous = Interlocked.Exchange(ref _current, next);
        Changed?.Invoke(previous.Layers, next.Layers);
    }

    private sealed class Snapshot
    {
        public Snapshot(IEnumerable<Workspace> workspaces, IEnumerable<Layer> layers)
        {
            Workspaces = workspaces.ToList();
            Layers = layers.OrderBy(l => l.Info.Id, StringComparer.Ordinal).ToList();
            ById = Layers.ToDictionary(l => l.Info.Id, StringComparer.Ordinal);
        }

        public IReadOnlyList<Workspace> Workspaces { get; }
        public IReadOnlyList<Layer> Layers { get; }
        public Dictionary<string, Layer> ById { get; }
    }
}
