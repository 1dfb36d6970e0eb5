using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Meshc.EnvoyApi;

/// <summary>
/// Produces copies of messages whose map fields iterate in key order.
/// </summary>
/// <remarks>
/// Protobuf's <see cref="MapField{TKey, TValue}"/> iterates in insertion order and both the
/// JSON formatter and the binary serializer follow it, so two equal messages built in a
/// different order would otherwise print differently. Sorting every map (including those in
/// <c>google.protobuf.Struct</c> and inside <c>Any</c> payloads) makes output depend only on
/// the message's value.
/// </remarks>
internal static class MapOrdering
{
    /// <summary>
    /// Returns <paramref name="message"/> itself when it already formats like its sorted copy (the usual case), else
    /// <see cref="SortedCopy"/>. Either way the result must not be modified.
    /// </summary>
    /// <param name="message">The message to order; it is not modified.</param>
    /// <param name="registry">Resolves <c>Any</c> payloads.</param>
    public static IMessage Ordered(IMessage message, TypeRegistry registry) =>
        MapOrderCheck.IsOrdered(message, registry) ? message : SortedCopy(message, registry);

    /// <summary>Returns a deep copy of <paramref name="message"/> with every map sorted by key.</summary>
    /// <param name="message">The message to copy; it is not modified.</param>
    /// <param name="registry">Resolves <c>Any</c> payloads; unresolvable payloads are left as they are.</param>
    public static IMessage SortedCopy(IMessage message, TypeRegistry registry)
    {
        // A binary round trip is the one deep-copy that works for any IMessage.
        IMessage copy = message.Descriptor.Parser.ParseFrom(message.ToByteString());
        SortInPlace(copy, registry);
        return copy;
    }

    private static void SortInPlace(IMessage message, TypeRegistry registry)
    {
        foreach (FieldDescriptor field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.IsMap)
            {
                SortMap((IDictionary)field.Accessor.GetValue(message), registry);
            }
            else if (field.IsRepeated)
            {
                foreach (object? item in (IList)field.Accessor.GetValue(message))
                {
                    VisitValue(item, registry);
                }
            }
            else
            {
                VisitValue(field.Accessor.GetValue(message), registry);
            }
        }

        if (message is Any any && registry.Find(Any.GetTypeName(any.TypeUrl)) is { } payloadType)
        {
            // Re-encode the payload so that maps inside it are ordered as well.
            IMessage payload = payloadType.Parser.ParseFrom(any.Value);
            SortInPlace(payload, registry);
            any.Value = payload.ToByteString();
        }
    }

    private static void SortMap(IDictionary map, TypeRegistry registry)
    {
        if (map.Count == 0)
        {
            return;
        }

        DictionaryEntry[] entries = SortedEntries(map);
        map.Clear();
        foreach (DictionaryEntry entry in entries)
        {
            VisitValue(entry.Value, registry);
            map.Add(entry.Key, entry.Value);
        }
    }

    /// <summary>A snapshot of <paramref name="map"/>'s entries in key order.</summary>
    internal static DictionaryEntry[] SortedEntries(IDictionary map)
    {
        // The non-generic enumerator yields DictionaryEntry; MapField's IEnumerable yields
        // KeyValuePair<TKey, TValue>, which cannot be cast without knowing the types.
        var entries = new DictionaryEntry[map.Count];
        int i = 0;
        IDictionaryEnumerator enumerator = map.GetEnumerator();
        while (enumerator.MoveNext())
        {
            entries[i++] = enumerator.Entry;
        }

        Array.Sort(entries, static (a, b) => CompareKeys(a.Key, b.Key));
        return entries;
    }

    // Wrapper-typed fields surface as CLR primitives, so only real messages recurse.
    private static void VisitValue(object? value, TypeRegistry registry)
    {
        if (value is IMessage nested)
        {
            SortInPlace(nested, registry);
        }
    }

    /// <summary>Orders map keys: strings ordinally (culture-free), integers and bools by value.</summary>
    internal static int CompareKeys(object a, object b) => a is string sa
        ? string.CompareOrdinal(sa, (string)b)
        : ((IComparable)a).CompareTo(b);
}
