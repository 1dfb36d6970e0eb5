using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Passes;

namespace Meshc.Compiler.BackEnds;

/// <summary>Runs the back ends a compilation asked for and assembles their files into one bundle.</summary>
internal static class BackEndRunner
{
    public static CompiledBundle Build(Compilation compilation, Analysis analysis, EmitTargets targets, DiagnosticBag diagnostics)
    {
        var bundle = new BundleBuilder(compilation.Sources);
        // Gateways become CiliumEnvoyConfigs first (as Cilium's operator does); then every CEC, translated or
        // given, is completed the way Cilium's agent does and written as one xDS snapshot. The BPF maps need the
        // proxy ports and redirects that completion assigns, so it runs for either target.
        var fromGateways = GatewayTranslator.Translate(analysis.Bound, compilation.Options, diagnostics);
        Xds.Agent.XdsSnapshot? snapshot = null;
        if (targets.HasFlag(EmitTargets.Xds) || targets.HasFlag(EmitTargets.Bpf))
        {
            var xdsBundle = targets.HasFlag(EmitTargets.Xds) ? bundle : new BundleBuilder(compilation.Sources);
            snapshot = XdsBackEnd.Build(analysis.Bound, fromGateways, compilation.Options, diagnostics, xdsBundle);
        }
        // The manifests carry the operator's CECs, before agent completion, as Cilium stores them in the cluster.
        if (targets.HasFlag(EmitTargets.K8s)) Kubernetes.KubernetesBackEnd.Build(analysis.Bound, fromGateways, analysis.Status, diagnostics, bundle);
        if (targets.HasFlag(EmitTargets.Bpf) && !diagnostics.HasErrors)
        {
            var maps = Bpf.BpfBackEnd.Compile(analysis.Bound.Model, analysis.Bound.Addresses, compilation.Options, snapshot?.Redirects ?? [],
                [.. snapshot?.ListenerPorts.Select(p => p.Port) ?? []], diagnostics);
            if (!diagnostics.HasErrors) Bpf.BpfBackEnd.Write(maps, bundle);
        }
        if (targets.HasFlag(EmitTargets.Status)) Status.StatusBackEnd.Build(analysis.Status, bundle);
        if (targets.HasFlag(EmitTargets.Ir)) IrDump.IrBackEnd.Build(analysis.Bound.Model, bundle);
        if (targets.HasFlag(EmitTargets.GatewayApi)) Kubernetes.ManifestsBackEnd.Build(analysis.Bound.Model, bundle);
        return bundle.Build();
    }
}
