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
        // The status files need only the analysis and report nothing: they are made beside the xDS back end and join
        // the bundle at the end (which sorts its files by path, so the order of the work cannot show).
        var status = targets.HasFlag(EmitTargets.Status) && compilation.Options.MaxParallelism != 1
            ? Task.Run(() => Status.StatusBackEnd.Files(analysis.Status))
            : null;
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
        if (targets.HasFlag(EmitTargets.Bpf) && !diagnostics.HasBlockingErrors)
        {
            var maps = Bpf.BpfBackEnd.Compile(analysis.Bound.Model, analysis.Bound.Addresses, compilation.Options, snapshot?.Redirects ?? [],
                [.. snapshot?.ListenerPorts.Select(p => p.Port) ?? []], diagnostics);
            if (!diagnostics.HasBlockingErrors) Bpf.BpfBackEnd.Write(maps, bundle);
        }
        if (targets.HasFlag(EmitTargets.EnvoyAds)) AdsBootstrapBuilder.Build(analysis.Bound, compilation.Options, diagnostics, bundle);
        if (targets.HasFlag(EmitTargets.K8sServe)) Kubernetes.ServeManifests.Build(diagnostics, bundle);
        if (targets.HasFlag(EmitTargets.Status))
            foreach (var file in status?.GetAwaiter().GetResult() ?? Status.StatusBackEnd.Files(analysis.Status)) bundle.Add(file);
        if (targets.HasFlag(EmitTargets.Ir)) IrDump.IrBackEnd.Build(analysis.Bound.Model, bundle);
        if (targets.HasFlag(EmitTargets.GatewayApi)) Kubernetes.ManifestsBackEnd.Build(analysis.Bound.Model, bundle);
        return bundle.Build();
    }
}
