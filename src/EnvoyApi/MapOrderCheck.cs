using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Meshc.EnvoyApi;

/// <summary>
/// Tells whether a message would format exactly like its <see cref="MapOrdering.SortedCopy"/>, so that the copy
/// (a binary round trip of the whole message) can be skipped.
/// </summary>
/// <remarks>
/// That holds when every map, including those inside <c>Any</c> payloads, already iterates in key order, and no
/// string holds an unpaired surrogate: the binary encoding replaces one with U+FFFD, so the copy would print
/// differently. Only fields that can hold a map or a string are visited; the list is cached per type.
/// </remarks>
internal static class MapOrderCheck
{
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]> s_fields = new();

    /// <summary>True when formatting <paramref name="message"/> itself gives the same text as formatting its sorted copy.</summary>
    public static bool IsOrdered(IMessage message, TypeRegistry registry)
    {
        foreach (FieldDescriptor field in FieldsToVisit(message.Descriptor))
        {
            object value = field.Accessor.GetValue(message);
            bool ordered = field.IsMap ? IsOrderedMap((IDictionary)value, registry)
                : field.IsRepeated ? IsOrderedList((IList)value, registry)
                : IsOrderedValue(value, registry);
            if (!ordered)
            {
                return false;
            }
        }

        if (message is Any any && registry.Find(Any.GetTypeName(any.TypeUrl)) is { } payloadType)
        {
            return IsOrdered(payloadType.Parser.ParseFrom(any.Value), registry);
        }

        return true;
    }

    private static bool IsOrderedMap(IDictionary map, TypeRegistry registry)
    {
        object? previous = null;
        IDictionaryEnumerator entries = map.GetEnumerator();
        while (entries.MoveNext())
        {
            if (previous is not null && MapOrdering.CompareKeys(previous, entries.Key) > 0)
            {
                return false;
            }

            previous = entries.Key;
            if (!IsOrderedValue(entries.Key, registry) || !IsOrderedValue(entries.Value, registry))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOrderedList(IList items, TypeRegistry registry)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (!IsOrderedValue(items[i], registry))
            {
                return false;
            }
        }

        return true;
    }

    // Wrapper-typed fields surface as CLR primitives (StringValue as a string), so strings are checked wherever met.
    private static bool IsOrderedValue(object? value, TypeRegistry registry) => value switch
    {
        IMessage nested => IsOrdered(nested, registry),
        string text => !HasUnpairedSurrogate(text),
        _ => true,
    };

    private static bool HasUnpairedSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    // Message fields (maps are message fields too) and string fields; scalars cannot change between the two forms.
    private static FieldDescriptor[] FieldsToVisit(MessageDescriptor type) => s_fields.GetOrAdd(type, static t =>
        t.Fields.InDeclarationOrder()
            .Where(static f => f.FieldType is FieldType.Message or FieldType.String)
            .ToArray());
}
