namespace Meshc.Compiler.Semantics;

/// <summary>The standard Gateway API condition reasons (the enum names are the exact reason strings).</summary>
public enum ConditionReason
{
    Accepted,
    ResolvedRefs,
    Programmed,
    Pending,
    Invalid,
    InvalidParameters,
    NotAllowedByListeners,
    NoMatchingParent,
    NoMatchingListenerHostname,
    UnsupportedValue,
    BackendNotFound,
    RefNotPermitted,
    InvalidKind,
    InvalidRouteKinds,
    InvalidCertificateRef,
    UnsupportedProtocol,
    ProtocolConflict,
    HostnameConflict,
    NoConflicts,
    ListenersNotValid,
    ListenersNotReady,
    UnsupportedAddress,
    AddressNotAssigned,
    AddressNotUsable,
    NoResources,
    PortUnavailable,
    UnsupportedFeature,
}
