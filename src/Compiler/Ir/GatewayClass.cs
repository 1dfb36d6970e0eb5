namespace Meshc.Compiler.Ir;

/// <summary>A GatewayClass: which controller implements the Gateways that name it.</summary>
public sealed record GatewayClass(ObjectMeta Meta, string ControllerName) : IMeshObject
{
    /// <summary>The controller name Cilium registers, and the one meshc compiles for.</summary>
    public const string CiliumController = "io.cilium/gateway-controller";

    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.GatewayClass, "", Meta.Name);
}
