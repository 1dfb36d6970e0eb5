using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Validate;

namespace Meshc.EnvoyApi.Validation;

/// <summary>
/// Checks a message against the protoc-gen-validate rules compiled into Envoy's protos — the
/// same constraints Envoy enforces when it loads configuration — without running Envoy.
/// </summary>
/// <remarks>
/// The walk follows PGV semantics: rules of unset optional/oneof fields do not apply, embedded
/// messages are validated recursively unless <c>message.skip</c>, and wrapper types
/// (<c>google.protobuf.UInt32Value</c>, ...) are checked with the scalar rules on their value.
/// Beyond PGV, <c>Any</c> payloads are unpacked and validated too (Envoy does this when it
/// instantiates an extension), and a payload whose type is unknown is itself a violation.
/// </remarks>
public static class PgvValidator
{
    /// <summary>Validates <paramref name="message"/>, resolving <c>Any</c> payloads with <see cref="EnvoyTypes.TypeRegistry"/>.</summary>
    /// <param name="message">The root message, e.g. a Listener or a Bootstrap.</param>
    /// <returns>Every violation found, in field declaration order; empty when the message is valid.</returns>
    public static IReadOnlyList<PgvViolation> Validate(IMessage message) => Validate(message, EnvoyTypes.TypeRegistry);

    /// <summary>Validates <paramref name="message"/>, resolving <c>Any</c> payloads with <paramref name="registry"/>.</summary>
    /// <param name="message">The root message.</param>
    /// <param name="registry">Types that <c>Any</c> payloads may have.</param>
    /// <returns>Every violation found, in field declaration order; empty when the message is valid.</returns>
    public static IReadOnlyList<PgvViolation> Validate(IMessage message, TypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(registry);
        var walk = new Walk(registry);
        walk.Message(message);
        return walk.Violations;
    }

    // One validation run: the registry plus the violations collected so far.
    private sealed class Walk(TypeRegistry registry)
    {
        // MessageDescriptor.IsWrapperType is internal to Google.Protobuf, hence the list.
        private static readonly FrozenSet<string> s_wrapperTypes = new[]
        {
            DoubleValue.Descriptor, FloatValue.Descriptor, Int64Value.Descriptor, UInt64Value.Descriptor,
            Int32Value.Descriptor, UInt32Value.Descriptor, BoolValue.Descriptor, StringValue.Descriptor,
            BytesValue.Descriptor,
        }.Select(static d => d.FullName).ToFrozenSet(StringComparer.Ordinal);

        // The path to the value being checked, as segments: the text is built only when a rule needs it.
        private readonly List<PathSegment> _path = [];

        public List<PgvViolation> Violations { get; } = [];

        private string Path => PathSegment.Render(_path);

        // Rule checks take the path as text, but most values pass: they get this placeholder, and the real path is
        // rendered only for the violations they add (NamePending). The checks use the path verbatim, never derive one.
        private const string PendingPath = "";

        private void NamePending(int first)
        {
            if (Violations.Count == first)
            {
                return;
            }

            string path = Path;
            for (int i = first; i < Violations.Count; i++)
            {
                Violations[i] = Violations[i] with { FieldPath = path };
            }
        }

        public void Message(IMessage message)
        {
            if (message is Any any)
            {
                AnyPayload(any);
                return;
            }

            ValidationPlan plan = ValidationPlan.For(message.Descriptor);
            if (plan.Disabled)
            {
                return;
            }

            foreach (OneofDescriptor oneof in plan.RequiredOneofs)
            {
                if (oneof.Accessor.GetCaseFieldDescriptor(message) is null)
                {
                    string members = string.Join(", ", oneof.Fields.Select(f => f.Name));
                    Violations.Add(new(FieldPath.Field(Path, oneof.Name), "oneof.required", $"exactly one of [{members}] must be set"));
                }
            }

            // Only the fields that can yield a violation: the rest would be visited for nothing.
            foreach (PlannedField planned in plan.Fields)
            {
                Field(message, planned.Field, planned.Rules);
            }
        }

        private void Field(IMessage message, FieldDescriptor field, FieldRules? rules)
        {
            // Only the member that is set is validated in a oneof, as in PGV.
            if (field.RealContainingOneof is { } oneof && oneof.Accessor.GetCaseFieldDescriptor(message) != field)
            {
                return;
            }

            _path.Add(PathSegment.Field(field.Name));
            if (field.IsMap)
            {
                Map((IDictionary)field.Accessor.GetValue(message), field, rules);
            }
            else if (field.IsRepeated)
            {
                Repeated((IList)field.Accessor.GetValue(message), field, rules);
            }
            else if (field.FieldType == FieldType.Message || !field.HasPresence || field.Accessor.HasValue(message))
            {
                // Unset explicit-presence scalars (proto3 `optional`) carry no value to check.
                Value(field.Accessor.GetValue(message), field, rules);
            }

            _path.RemoveAt(_path.Count - 1);
        }

        private void Repeated(IList items, FieldDescriptor field, FieldRules? rules)
        {
            RepeatedRules? r = rules?.TypeCase == FieldRules.TypeOneofCase.Repeated ? rules.Repeated : null;
            if (r is not null)
            {
                ulong count = (ulong)items.Count;
                if (r.HasMinItems && count < r.MinItems)
                {
                    Violations.Add(new(Path, "repeated.min_items", $"must contain at least {r.MinItems} item(s), got {count}"));
                }

                if (r.HasMaxItems && count > r.MaxItems)
                {
                    Violations.Add(new(Path, "repeated.max_items", $"must contain at most {r.MaxItems} item(s), got {count}"));
                }

                if (r.Unique)
                {
                    var seen = new HashSet<object>();
                    for (int i = 0; i < items.Count; i++)
                    {
                        if (items[i] is { } item && !seen.Add(item))
                        {
                            Violations.Add(new(FieldPath.Index(Path, i), "repeated.unique", "must not repeat an earlier item"));
                        }
                    }
                }
            }

            for (int i = 0; i < items.Count; i++)
            {
                _path.Add(PathSegment.Index(i));
                Value(items[i], field, r?.Items);
                _path.RemoveAt(_path.Count - 1);
            }
        }

        private void Map(IDictionary map, FieldDescriptor field, FieldRules? rules)
        {
            MapRules? r = rules?.TypeCase == FieldRules.TypeOneofCase.Map ? rules.Map : null;
            ulong count = (ulong)map.Count;
            if (r is not null && r.HasMinPairs && count < r.MinPairs)
            {
                Violations.Add(new(Path, "map.min_pairs", $"must contain at least {r.MinPairs} entr(ies), got {count}"));
            }

            if (r is not null && r.HasMaxPairs && count > r.MaxPairs)
            {
                Violations.Add(new(Path, "map.max_pairs", $"must contain at most {r.MaxPairs} entr(ies), got {count}"));
            }

            FieldDescriptor keyField = field.MessageType.FindFieldByNumber(1);
            FieldDescriptor valueField = field.MessageType.FindFieldByNumber(2);

            // Key order, so that the report does not depend on insertion order.
            foreach (DictionaryEntry entry in MapOrdering.SortedEntries(map))
            {
                _path.Add(PathSegment.Key(entry.Key));
                if (r?.Keys is { } keyRules)
                {
                    Value(entry.Key, keyField, keyRules);
                }

                Value(entry.Value, valueField, r?.Values);
                _path.RemoveAt(_path.Count - 1);
            }
        }

        // One value of a field: the field itself, a list item or a map key/value.
        private void Value(object? value, FieldDescriptor field, FieldRules? rules)
        {
            switch (field.FieldType)
            {
                case FieldType.Message:
                    MessageValue(value, field.MessageType, rules);
                    break;
                case FieldType.Enum when value is not null && rules?.TypeCase == FieldRules.TypeOneofCase.Enum:
                    int first = Violations.Count;
                    SimpleRules.Check(Convert.ToInt32(value, CultureInfo.InvariantCulture), field.EnumType, rules.Enum, PendingPath, Violations);
                    NamePending(first);
                    break;
                case FieldType.Enum:
                    break;
                default:
                    if (value is not null && rules is not null)
                    {
                        Scalar(value, rules);
                    }

                    break;
            }
        }

        private void MessageValue(object? value, MessageDescriptor type, FieldRules? rules)
        {
            if (value is null)
            {
                if (SimpleRules.RequiredRule(rules) is { } rule)
                {
                    Violations.Add(new(Path, rule, "value is required"));
                }

                return;
            }

            // Wrapper fields surface as CLR primitives; their rules are the scalar ones.
            if (s_wrapperTypes.Contains(type.FullName))
            {
                if (rules is not null)
                {
                    Scalar(value, rules);
                }

                return;
            }

            var message = (IMessage)value;
            int first = Violations.Count;
            switch (message)
            {
                case Duration duration when rules?.TypeCase == FieldRules.TypeOneofCase.Duration:
                    TimeRules.Check(duration, rules.Duration, PendingPath, Violations);
                    break;
                case Timestamp timestamp when rules?.TypeCase == FieldRules.TypeOneofCase.Timestamp:
                    TimeRules.Check(timestamp, rules.Timestamp, PendingPath, Violations);
                    break;
                case Any any when rules?.TypeCase == FieldRules.TypeOneofCase.Any:
                    SimpleRules.Check(any, rules.Any, PendingPath, Violations);
                    break;
            }

            NamePending(first);

            if (rules?.Message?.Skip != true)
            {
                Message(message);
            }
        }

        private void Scalar(object value, FieldRules rules)
        {
            int first = Violations.Count;
            if (!NumericRulesAdapter.TryCheck(rules, value, PendingPath, Violations))
            {
                switch (value)
                {
                    case bool b when rules.TypeCase == FieldRules.TypeOneofCase.Bool:
                        SimpleRules.Check(b, rules.Bool, PendingPath, Violations);
                        break;
                    case string s when rules.TypeCase == FieldRules.TypeOneofCase.String:
                        TextRules.Check(s, rules.String, PendingPath, Violations);
                        break;
                    case ByteString bytes when rules.TypeCase == FieldRules.TypeOneofCase.Bytes:
                        TextRules.Check(bytes, rules.Bytes, PendingPath, Violations);
                        break;
                }
            }

            NamePending(first);
        }

        private void AnyPayload(Any any)
        {
            MessageDescriptor? type = registry.Find(Any.GetTypeName(any.TypeUrl));
            if (type is null)
            {
                Violations.Add(new(Path, "any.known_type", $"type URL {FieldPath.Quote(any.TypeUrl)} does not name a known message type"));
                return;
            }

            IMessage payload;
            try
            {
                payload = type.Parser.ParseFrom(any.Value);
            }
            catch (InvalidProtocolBufferException ex)
            {
                Violations.Add(new(Path, "any.value", $"payload is not a valid {type.FullName}: {ex.Message}"));
                return;
            }

            Message(payload);
        }
    }
}
