namespace Meshc.Compiler.Schemas;

/// <summary>The JSON Schema instance types, as flags so a schema can allow several ("integer or string").</summary>
[Flags]
internal enum JsonTypes
{
    /// <summary>No type keyword: anything goes.</summary>
    Any = 0,
    Null = 1,
    Boolean = 2,
    Integer = 4,
    /// <summary>Any number; an instance that is a whole number is <see cref="Integer"/> as well.</summary>
    Number = 8,
    String = 16,
    Array = 32,
    Object = 64,
}
