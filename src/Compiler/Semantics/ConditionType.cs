namespace Meshc.Compiler.Semantics;

/// <summary>Gateway API condition types meshc reports.</summary>
public enum ConditionType { Accepted, ResolvedRefs, Programmed, Conflicted, PartiallyInvalid, InsecureFrontendValidationMode }
