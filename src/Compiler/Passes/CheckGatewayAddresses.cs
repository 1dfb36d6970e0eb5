using System.Net;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Checks <c>spec.addresses</c>: meshc (like Cilium) can only ask for IP addresses. Any other type, or a value that
/// is not an IP, makes the Gateway Accepted=False UnsupportedAddress, and it gets no configuration: Cilium's operator
/// checks the addresses after translating and stops before it creates the Service and the CiliumEnvoyConfig.
/// An IPAddress without value asks for any address (GatewayAddressEmpty) and is fine.
/// </summary>
internal sealed class CheckGatewayAddresses : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.Gateways.All)
        foreach (var address in facts.Gateway.Addresses)
        {
            string? reason = address.Type != "IPAddress"
                ? $"address type '{address.Type}' is not supported; only IPAddress is"
                : address.Value is { } value && !IPAddress.TryParse(value, out _) ? "it is not an IP address" : null;
            if (reason is null) continue;
            var shown = address.Value ?? address.Type;
            context.Diagnostics.ReportUnsupportedGatewayAddress(address.Origin, facts.Gateway.Key.QualifiedName, shown, reason);
            facts.Refusal ??= new Problem(ConditionReason.UnsupportedAddress, $"address '{shown}': {reason}");
        }
    }
}
