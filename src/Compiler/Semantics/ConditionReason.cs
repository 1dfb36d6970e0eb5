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
    NoValidCACertificate,
    InvalidCACertificateRef,
    InvalidCACertificateKind,
    Conflicted,
    ConfigurationChanged,
    /// <summary>A ListenerSet the parent Gateway's <c>allowedListeners</c> does not admit.</summary>
    NotAllowed,
    /// <summary>A ListenerSet whose parent Gateway is missing or not accepted.</summary>
    ParentNotAccepted,
}
