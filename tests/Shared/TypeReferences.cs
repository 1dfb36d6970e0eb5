using System.Reflection;
using System.Reflection.Emit;

namespace Meshc.Tests;

/// <summary>
/// Every type a compiled type touches: its base type, interfaces, fields, method signatures, and the types and
/// members named by the IL of its method bodies (nested and compiler-generated types count for their outer type).
/// The layering tests of the compiler and the runtime read their assemblies through it.
/// </summary>
internal static class TypeReferences
{
    /// <summary>"Type → referenced type" for every reference from namespace <paramref name="layer"/> (or below it) into <paramref name="forbidden"/>, sorted.</summary>
    public static List<string> Offenders(Assembly assembly, string layer, string forbidden) =>
        assembly.GetTypes()
            .Where(t => InNamespace(t.Namespace, layer))
            .SelectMany(t => Of(t).Where(r => InNamespace(r.Namespace, forbidden)).Select(r => $"{t.FullName} → {r.FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool InNamespace(string? ns, string root) =>
        ns is not null && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal));

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null) return;
            if (t.IsArray || t.IsByRef || t.IsPointer) { Add(t.GetElementType()); return; }
            if (t.IsGenericType && !t.IsGenericTypeDefinition) foreach (var a in t.GetGenericArguments()) Add(a);
            found.Add(t.IsGenericType ? t.GetGenericTypeDefinition() : t);
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(All)) Add(f.FieldType);
        foreach (var p in type.GetProperties(All)) Add(p.PropertyType);
        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            foreach (var t in BodyReferences(m)) Add(t);
        }
        return found;
    }

    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            OpCode op;
            if (il[i] == 0xFE) { op = OpCodesByValue[(short)(0xFE00 | il[i + 1])]; i += 2; }
            else { op = OpCodesByValue[il[i]]; i += 1; }
            switch (op.OperandType)
            {
                case OperandType.InlineType:
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    Type? resolved = null;
                    try
                    {
                        var member = module.ResolveMember(token, typeArgs, methodArgs);
                        resolved = member as Type ?? member?.DeclaringType;
                        if (member is MethodInfo called) resolved ??= called.ReturnType;
                    }
                    catch (ArgumentException) { }
                    if (resolved is not null) yield return resolved;
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                default:
                    i += Size(op.OperandType);
                    break;
            }
        }
    }

    private static int Size(OperandType t) => t switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
