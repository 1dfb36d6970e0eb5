using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>What passes share: the model, look-ups, options, the diagnostic bag, and the results being built.</summary>
internal sealed class PassContext
{
    public PassContext(MeshModel model, CompilationOptions options, DiagnosticBag diagnostics)
    {
        Model = model;
        Options = options;
        Diagnostics = diagnostics;
        Index = new ModelIndex(model);
        Grants = new ReferenceGrants(model);
        Routes = new RouteBook(model);
    }

    public MeshModel Model { get; }
    public CompilationOptions Options { get; }
    public DiagnosticBag Diagnostics { get; }
    public ModelIndex Index { get; }
    public ReferenceGrants Grants { get; }

    /// <summary>The Gateways of ours and what the listener checks found.</summary>
    public GatewayBook Gateways { get; } = new();

    /// <summary>The ListenerSets that name a Gateway of ours (or a missing one), with what the checks found.</summary>
    public ListenerSetBook ListenerSets { get; } = new();

    /// <summary>What the route checks found, per route.</summary>
    public RouteBook Routes { get; }

    /// <summary>The BackendTLSPolicies' verdicts and the upstream TLS of the Service ports they target.</summary>
    public BackendTlsBook BackendTls { get; } = new();

    /// <summary>Which routes attach to and bind on which listener.</summary>
    public AttachmentBook Attachments { get; } = new();

    /// <summary>The status written so far.</summary>
    public StatusBook Status { get; } = new();

    /// <summary>The Gateway and Service addresses (written by <see cref="AssignServiceAddresses"/>).</summary>
    public Semantics.AddressTable Addresses { get; set; } = Semantics.AddressTable.Empty;

    /// <summary>The CiliumEnvoyConfigs whose references all resolve, in key order.</summary>
    public List<EnvoyConfig> EnvoyConfigs { get; } = [];
}
