using System.Collections.Concurrent;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Validate;

namespace Meshc.EnvoyApi.Validation;

/// <summary>
/// What <see cref="PgvValidator"/> has to look at in one message type: its required oneofs and the fields that can
/// yield a violation, each with its rules. Built once per type from the descriptors and cached.
/// </summary>
/// <remarks>
/// A field can yield a violation when it has rules, or when it holds a message whose type can (directly or through
/// its own fields, transitively; an <c>Any</c> always can, its payload may be unknown or invalid). Every other field
/// is skipped: the full walk would visit it and find nothing, so skipping it changes no result, only the cost.
/// </remarks>
internal sealed class ValidationPlan
{
    private static readonly ConcurrentDictionary<MessageDescriptor, ValidationPlan> s_plans = new();
    private static readonly ConcurrentDictionary<MessageDescriptor, bool> s_mayViolate = new();
    private static readonly Lock s_analysis = new();

    private ValidationPlan(bool disabled, OneofDescriptor[] requiredOneofs, PlannedField[] fields)
    {
        Disabled = disabled;
        RequiredOneofs = requiredOneofs;
        Fields = fields;
    }

    /// <summary>Whether the message type switches validation off (<c>(validate.disabled)</c>).</summary>
    public bool Disabled { get; }

    /// <summary>The non-synthetic oneofs of which exactly one member must be set, in declaration order.</summary>
    public OneofDescriptor[] RequiredOneofs { get; }

    /// <summary>The fields that can yield a violation, in declaration order.</summary>
    public PlannedField[] Fields { get; }

    /// <summary>The plan for <paramref name="type"/>.</summary>
    public static ValidationPlan For(MessageDescriptor type) => s_plans.GetOrAdd(type, static t => Build(t));

    private static ValidationPlan Build(MessageDescriptor type)
    {
        if (PgvRules.IsDisabled(type))
        {
            return new(true, [], []);
        }

        OneofDescriptor[] required = type.Oneofs.Where(static o => !o.IsSynthetic && PgvRules.IsRequired(o)).ToArray();
        PlannedField[] fields = type.Fields.InDeclarationOrder()
            .Select(static f => new PlannedField(f, PgvRules.For(f)))
            .Where(static p => p.Rules is not null || (p.Field.FieldType == FieldType.Message && MayViolate(p.Field.MessageType)))
            .ToArray();
        return new(false, required, fields);
    }

    // Whether a value of this type can ever yield a violation. Types refer to each other in cycles (Struct and
    // Value, nested matchers), so the answer is a least fixpoint over every type reachable from this one.
    private static bool MayViolate(MessageDescriptor type)
    {
        if (s_mayViolate.TryGetValue(type, out bool known))
        {
            return known;
        }

        lock (s_analysis)
        {
            if (s_mayViolate.TryGetValue(type, out known))
            {
                return known;
            }

            var reachable = new List<MessageDescriptor>();
            var seen = new HashSet<MessageDescriptor>();
            var pending = new Stack<MessageDescriptor>([type]);
            while (pending.TryPop(out MessageDescriptor? next))
            {
                if (s_mayViolate.ContainsKey(next) || !seen.Add(next))
                {
                    continue;
                }

                reachable.Add(next);
                foreach (FieldDescriptor field in next.Fields.InDeclarationOrder())
                {
                    if (field.FieldType == FieldType.Message)
                    {
                        pending.Push(field.MessageType);
                    }
                }
            }

            var result = reachable.ToDictionary(static t => t, static t => HasOwnRules(t));
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (MessageDescriptor t in reachable)
                {
                    if (!result[t] && !PgvRules.IsDisabled(t) && t.Fields.InDeclarationOrder().Any(f =>
                        f.FieldType == FieldType.Message && (result.TryGetValue(f.MessageType, out bool r) ? r : s_mayViolate[f.MessageType])))
                    {
                        result[t] = true;
                        changed = true;
                    }
                }
            }

            foreach ((MessageDescriptor t, bool may) in result)
            {
                s_mayViolate[t] = may;
            }

            return result[type];
        }
    }

    // Rules on the type itself: an Any (its payload is checked), a required oneof or a field with rules.
    private static bool HasOwnRules(MessageDescriptor type) =>
        type.FullName == Any.Descriptor.FullName
        || (!PgvRules.IsDisabled(type)
            && (type.Oneofs.Any(static o => !o.IsSynthetic && PgvRules.IsRequired(o))
                || type.Fields.InDeclarationOrder().Any(static f => PgvRules.For(f) is not null)));
}

/// <summary>A field the validator visits, with its <c>(validate.rules)</c> (<see langword="null"/> when it has none).</summary>
internal readonly record struct PlannedField(FieldDescriptor Field, FieldRules? Rules);
