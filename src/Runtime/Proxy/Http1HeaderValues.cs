using System.Text;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The response header values last read on one upstream connection, by known header name: an upstream answers the
/// same Server, Content-Type, ETag, Date (within its second) again and again, and a value equal to the last one is
/// handed out as the same string instead of a new one (Kestrel reuses request header strings the same way).
/// Belongs to one connection, which runs one exchange at a time: no locking.
/// </summary>
internal sealed class Http1HeaderValues
{
    private const int Slots = 16;
    private readonly string?[] _names = new string?[Slots];
    private readonly string?[] _values = new string?[Slots];
    private int _next;

    /// <summary>The value as a string; <paramref name="name"/> must be a known name (<see cref="KnownHeaders"/>), compared by reference.</summary>
    public string Get(string name, ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < Slots; i++)
        {
            if (!ReferenceEquals(_names[i], name)) continue;
            if (Same(_values[i]!, raw)) return _values[i]!;
            return _values[i] = Encoding.Latin1.GetString(raw);
        }
        var value = Encoding.Latin1.GetString(raw);
        _names[_next] = name;
        _values[_next] = value;
        _next = (_next + 1) % Slots;
        return value;
    }

    private static bool Same(string value, ReadOnlySpan<byte> raw)
    {
        if (value.Length != raw.Length) return false;
        for (var i = 0; i < raw.Length; i++)
            if (value[i] != raw[i]) return false;
        return true;
    }
}
