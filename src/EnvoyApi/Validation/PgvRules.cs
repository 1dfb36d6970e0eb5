using System.Collections.Concurrent;
using Google.Protobuf.Reflection;
using Validate;

namespace Meshc.EnvoyApi.Validation;

/// <summary>
/// Reads the protoc-gen-validate options compiled into descriptors: <c>(validate.rules)</c> on
/// fields, <c>(validate.required)</c> on oneofs and <c>(validate.disabled)</c> on messages.
/// </summary>
/// <remarks>
/// Descriptor <c>GetOptions()</c> returns a fresh clone on every call, so answers are cached per
/// descriptor (descriptors are process-wide singletons, compared by reference).
/// </remarks>
internal static class PgvRules
{
    private static readonly ConcurrentDictionary<FieldDescriptor, FieldRules?> s_fieldRules = new();
    private static readonly ConcurrentDictionary<OneofDescriptor, bool> s_oneofRequired = new();
    private static readonly ConcurrentDictionary<MessageDescriptor, bool> s_messageDisabled = new();

    /// <summary>The field's <c>(validate.rules)</c>, or <see langword="null"/> when it has none.</summary>
    public static FieldRules? For(FieldDescriptor field) => s_fieldRules.GetOrAdd(field, static f =>
    {
        FieldOptions? options = f.GetOptions();
        return options is not null && options.HasExtension(ValidateExtensions.Rules)
            ? options.GetExtension(ValidateExtensions.Rules)
            : null;
    });

    /// <summary>Whether exactly one member of the oneof must be set (<c>(validate.required) = true</c>).</summary>
    public static bool IsRequired(OneofDescriptor oneof) =>
        s_oneofRequired.GetOrAdd(oneof, static o => o.GetOptions()?.GetExtension(ValidateExtensions.Required) == true);

    /// <summary>Whether validation is switched off for the whole message (<c>(validate.disabled) = true</c>).</summary>
    public static bool IsDisabled(MessageDescriptor message) =>
        s_messageDisabled.GetOrAdd(message, static m => m.GetOptions()?.GetExtension(ValidateExtensions.Disabled) == true);
}
