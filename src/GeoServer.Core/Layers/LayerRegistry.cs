using System.Security.Claims;

namespace GeoServer.Core.Layers;

/// <summary>
/// The only way any service reaches a layer: every lookup takes the caller and answers as the access policy
/// allows, so a layer the caller may not see is indistinguishable from one that does not exist.
/// </summary>
public sealed class LayerRegistry
{
    private readonly IAccessPolicy _policy;
    private readonly IReadOnlyList<Layer> _layers;
    private readonly Dictionary<string, Layer> _byId;

    public LayerRegistry(IEnumerable<Workspace> workspaces, IEnumerable<Layer> layers, IAccessPolicy policy)
    {
        _policy = policy;
        Workspaces = workspaces.ToList();
        _layers = layers.OrderBy(l => l.Info.Id, StringComparer.Ordinal).ToList();
        _byId = _layers.ToDictionary(l => l.Info.Id, StringComparer.Ordinal);
    }

    /// <summary>Every workspace, whether or not the caller sees any of its layers.</summary>
    public IReadOnlyList<Workspace> Workspaces { get; }

    /// <summary>
    /// Every published layer whoever asks: for start-up work such as compiling styles, never to answer a request
    /// (requests go through <see cref="Visible"/> and <see cref="Find"/>, which apply the access policy).
    /// </summary>
    public IReadOnlyList<Layer> All => _layers;

    /// <summary>The layers the caller may see, ordered by id; optionally only those of one workspace.</summary>
    public IEnumerable<Layer> Visible(ClaimsPrincipal caller, string? workspace = null) =>
        _layers.Where(l => (workspace is null || l.Info.Workspace.Id == workspace) && _policy.CanSee(caller, l.Info));

    /// <summary>The layer with this id if it exists and the caller may see it; otherwise null.</summary>
    public Layer? Find(ClaimsPrincipal caller, string id) =>
        _byId.TryGetValue(id, out var layer) && _policy.CanSee(caller, layer.Info) ? layer : null;

    /// <summary>Whether the caller may change the features of a layer it found.</summary>
    public bool CanEdit(ClaimsPrincipal caller, Layer layer) => _policy.CanEdit(caller, layer.Info);
}
