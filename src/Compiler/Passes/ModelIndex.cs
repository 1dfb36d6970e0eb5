using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>Look-ups over the model by namespace and name, built once per compilation.</summary>
internal sealed class ModelIndex
{
    private readonly Dictionary<ObjectKey, IMeshObject> _byKey;

    public ModelIndex(MeshModel model)
    {
        Model = model;
        _byKey = new Dictionary<ObjectKey, IMeshObject>();
        void AddAll<T>(IEnumerable<T> items) where T : IMeshObject
        {
            foreach (var item in items) _byKey[item.Key] = item;
        }
        AddAll(model.GatewayClasses); AddAll(model.Gateways); AddAll(model.Routes); AddAll(model.ReferenceGrants);
        AddAll(model.Services); AddAll(model.EndpointSlices); AddAll(model.Secrets); AddAll(model.Namespaces);
        AddAll(model.Workloads); AddAll(model.EnvoyConfigs); AddAll(model.ConfigMaps); AddAll(model.BackendTlsPolicies);
        AddAll(model.ListenerSets);
    }

    public MeshModel Model { get; }

    public T? Find<T>(ObjectKind kind, string ns, string name) where T : class, IMeshObject =>
        _byKey.TryGetValue(new ObjectKey(kind, ns, name), out var o) ? o as T : null;

    public Gateway? FindGateway(string ns, string name) => Find<Gateway>(ObjectKind.Gateway, ns, name);
    public Service? FindService(string ns, string name) => Find<Service>(ObjectKind.Service, ns, name);
    public Secret? FindSecret(string ns, string name) => Find<Secret>(ObjectKind.Secret, ns, name);
    public ListenerSet? FindListenerSet(string ns, string name) => Find<ListenerSet>(ObjectKind.ListenerSet, ns, name);
    public GatewayClass? FindGatewayClass(string name) => Find<GatewayClass>(ObjectKind.GatewayClass, "", name);

    /// <summary>The labels of a namespace. A namespace the input does not declare still carries the label Kubernetes always sets.</summary>
    public IReadOnlyList<Label> NamespaceLabels(string ns) =>
        Find<NamespaceObject>(ObjectKind.Namespace, "", ns)?.Meta.Labels.Items.ToList() is { } labels
            ? EnsureNameLabel(labels, ns)
            : [new Label("kubernetes.io/metadata.name", ns)];

    /// <summary>Names of the Services of a namespace, for "did you mean".</summary>
    public IEnumerable<string> ServiceNames(string ns) => Model.Services.Where(s => s.Meta.Namespace == ns).Select(s => s.Meta.Name);

    /// <summary>Names of the Gateways of a namespace, for "did you mean".</summary>
    public IEnumerable<string> GatewayNames(string ns) => Model.Gateways.Where(g => g.Meta.Namespace == ns).Select(g => g.Meta.Name);

    private static IReadOnlyList<Label> EnsureNameLabel(List<Label> labels, string ns)
    {
        if (labels.All(l => l.Key != "kubernetes.io/metadata.name")) labels.Add(new Label("kubernetes.io/metadata.name", ns));
        return labels;
    }
}
