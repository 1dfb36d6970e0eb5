namespace Meshc.Compiler.Ir;

/// <summary>
/// A Gateway's <c>spec.allowedListeners.namespaces</c>: which namespaces' ListenerSets may attach. The default
/// (<c>None</c>) admits none.
/// </summary>
public sealed record AllowedListeners(ListenersFrom From, LabelSelector? Selector);

/// <summary><c>allowedListeners.namespaces.from</c>.</summary>
public enum ListenersFrom { None, Same, All, Selector }
