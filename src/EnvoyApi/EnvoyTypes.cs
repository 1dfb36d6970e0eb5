using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Meshc.EnvoyApi;

/// <summary>
/// The descriptors of every message compiled into this assembly (and of the files they
/// import, such as the protobuf well-known types), collected once and cached.
/// </summary>
/// <remarks>
/// The set is discovered by reflection over the protoc-generated <c>*Reflection</c> classes
/// instead of being listed by hand, so adding a proto to the build adds its types here.
/// </remarks>
public static class EnvoyTypes
{
    /// <summary>Prefix Envoy (and protobuf's <c>Any.Pack</c>) uses for type URLs.</summary>
    public const string TypeUrlPrefix = "type.googleapis.com/";

    // Lazy<T> with the default (ExecutionAndPublication) mode: built exactly once, thread-safe.
    private static readonly Lazy<Catalog> s_catalog = new(Catalog.Build);

    /// <summary>Registry used to resolve <c>google.protobuf.Any</c> payloads in JSON and validation.</summary>
    public static TypeRegistry TypeRegistry => s_catalog.Value.Registry;

    /// <summary>The generated proto files of this assembly, ordered by proto path.</summary>
    public static IReadOnlyList<FileDescriptor> Files => s_catalog.Value.Files;

    /// <summary>
    /// Every message type (including nested ones) of <see cref="Files"/> and their imports,
    /// ordered by full name.
    /// </summary>
    public static IReadOnlyList<MessageDescriptor> Messages => s_catalog.Value.Messages;

    /// <summary>
    /// Finds a message type by type URL (<c>type.googleapis.com/envoy.config.listener.v3.Listener</c>)
    /// or by full name (<c>envoy.config.listener.v3.Listener</c>).
    /// </summary>
    /// <param name="typeUrlOrFullName">A type URL with any host prefix, or a fully qualified message name.</param>
    /// <returns>The descriptor, or <see langword="null"/> when the type is not compiled in.</returns>
    public static MessageDescriptor? FindMessage(string typeUrlOrFullName)
    {
        ArgumentNullException.ThrowIfNull(typeUrlOrFullName);
        // Per the Any spec only the part after the last '/' names the type.
        string fullName = typeUrlOrFullName[(typeUrlOrFullName.LastIndexOf('/') + 1)..];
        return s_catalog.Value.ByName.GetValueOrDefault(fullName);
    }

    /// <summary>Returns the canonical type URL of <paramref name="descriptor"/>.</summary>
    /// <param name="descriptor">A message descriptor.</param>
    public static string TypeUrlOf(MessageDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return TypeUrlPrefix + descriptor.FullName;
    }

    private sealed record Catalog(
        TypeRegistry Registry,
        IReadOnlyList<FileDescriptor> Files,
        IReadOnlyList<MessageDescriptor> Messages,
        FrozenDictionary<string, MessageDescriptor> ByName)
    {
        // The generated *Reflection classes are found by reflection; the published CLI does not trim this assembly
        // (TrimMode=partial trims only the framework), so each one keeps its Descriptor property.
        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "This assembly is never trimmed; see above.")]
        [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "This assembly is never trimmed; see above.")]
        public static Catalog Build()
        {
            FileDescriptor[] generated = typeof(EnvoyTypes).Assembly.GetTypes()
                .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
                .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
                .Where(p => p?.PropertyType == typeof(FileDescriptor))
                .Select(p => (FileDescriptor)p!.GetValue(null)!)
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToArray();

            // Walk imports too, so that e.g. google.protobuf.Struct inside an Any resolves.
            var allFiles = new Dictionary<string, FileDescriptor>(StringComparer.Ordinal);
            foreach (FileDescriptor file in generated)
            {
                AddFileAndImports(file, allFiles);
            }

            var byName = new Dictionary<string, MessageDescriptor>(StringComparer.Ordinal);
            foreach (FileDescriptor file in allFiles.Values)
            {
                foreach (MessageDescriptor message in file.MessageTypes)
                {
                    AddMessageAndNested(message, byName);
                }
            }

            MessageDescriptor[] messages = byName.Values.OrderBy(m => m.FullName, StringComparer.Ordinal).ToArray();
            return new Catalog(TypeRegistry.FromFiles(generated), generated, messages, byName.ToFrozenDictionary(StringComparer.Ordinal));
        }

        private static void AddFileAndImports(FileDescriptor file, Dictionary<string, FileDescriptor> files)
        {
            if (!files.TryAdd(file.Name, file))
            {
                return;
            }

            foreach (FileDescriptor dependency in file.Dependencies)
            {
                AddFileAndImports(dependency, files);
            }
        }

        private static void AddMessageAndNested(MessageDescriptor message, Dictionary<string, MessageDescriptor> byName)
        {
            // Map entries are synthetic (no generated class) and never appear in an Any.
            if (message.IsMapEntry)
            {
                return;
            }

            byName[message.FullName] = message;
            foreach (MessageDescriptor nested in message.NestedTypes)
            {
                AddMessageAndNested(nested, byName);
            }
        }
    }
}
