using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// A BackendTLSPolicy: the Service ports it targets and how the proxy validates their certificates (CA references or
/// the well-known system CAs, the hostname used as SNI, and optional subjectAltNames to match instead of it).
/// </summary>
public sealed record BackendTlsPolicy(
    ObjectMeta Meta,
    ValueList<PolicyTargetRef> TargetRefs,
    ValueList<ObjectRef> CaCertificateRefs,
    string? WellKnownCaCertificates,
    string Hostname,
    ValueList<SubjectAltName> SubjectAltNames,
    SourceLocation ValidationOrigin) : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.BackendTLSPolicy, Meta.Namespace, Meta.Name);
}

/// <summary>A policy target: a local object by group, kind and name, optionally one section (a Service port name).</summary>
public sealed record PolicyTargetRef(string Group, string Kind, string Name, string? SectionName, SourceLocation Origin) : IHasOrigin;

/// <summary>A subject alternative name a backend certificate must carry: type <c>Hostname</c> or <c>URI</c>.</summary>
public sealed record SubjectAltName(string Type, string Value);
