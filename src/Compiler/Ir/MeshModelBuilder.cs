using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// Gathers the objects front ends read into one <see cref="MeshModel"/>. The same object given twice keeps the later
/// one (as <c>kubectl apply</c> in input order would), with a warning naming both places. The built-in GatewayClass
/// <c>cilium</c> is added when the input does not declare it, because Cilium installs it.
/// </summary>
public sealed class MeshModelBuilder
{
    private readonly Dictionary<ObjectKey, IMeshObject> _objects = [];
    private readonly List<Declaration> _declarations = [];
    private readonly DiagnosticBag _diagnostics;

    public MeshModelBuilder(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    public void Add(IMeshObject item)
    {
        if (_objects.TryGetValue(item.Key, out var previous))
            _diagnostics.ReportDuplicateObject(item.Meta.Origin, KindName(item), item.Key.QualifiedName, previous.Meta.Origin.ToString());
        _objects[item.Key] = item;
        _declarations.Add(new Declaration(KindName(item), item.Key.Namespace, item.Key.Name, item.Meta.Origin));
    }

    /// <summary>Every object added, in input order, including those a later definition replaced.</summary>
    public IReadOnlyList<Declaration> Declarations => _declarations;

    public MeshModel Build()
    {
        var builtIn = new GatewayClass(
            new ObjectMeta("cilium", "", ValueList<Label>.Empty, ValueList<Label>.Empty, 1, SourceLocation.None),
            GatewayClass.CiliumController);
        if (!_objects.ContainsKey(builtIn.Key)) _objects[builtIn.Key] = builtIn;

        ValueList<T> All<T>() where T : IMeshObject =>
            _objects.Values.OfType<T>().OrderBy(o => o.Key).ToValueList();

        var policies = All<NetworkPolicy>();
        var pools = All<IpPool>();
        var tlsPolicies = All<BackendTlsPolicy>();
        var configMaps = All<ConfigMapInfo>();
        var listenerSets = All<ListenerSet>();
        return new MeshModel(All<GatewayClass>(), All<Gateway>(), All<Route>(), All<ReferenceGrant>(), All<Service>(),
            All<EndpointSet>(), All<Secret>(), All<NamespaceObject>(), All<Workload>(), All<EnvoyConfig>(), All<Policy>())
        {
            NetworkPolicies = policies.IsEmpty ? default : policies,
            IpPools = pools.IsEmpty ? default : pools,
            BackendTlsPolicies = tlsPolicies.IsEmpty ? default : tlsPolicies,
            ConfigMaps = configMaps.IsEmpty ? default : configMaps,
            ListenerSets = listenerSets.IsEmpty ? default : listenerSets,
        };
    }

    private static string KindName(IMeshObject item) => item switch
    {
        Route r => r.KindName,
        Workload w => w.Kind,
        _ => item.Key.Kind.ToString(),
    };
}
