using System.Collections;
using System.Collections.Immutable;

namespace Meshc.Compiler.Ir;

/// <summary>
/// An immutable list with value equality, so IR records compare by content (ImmutableArray compares by reference).
/// </summary>
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> _items;

    public ValueList(ImmutableArray<T> items) => _items = items;

    public static ValueList<T> Empty => new(ImmutableArray<T>.Empty);

    public ImmutableArray<T> Items => _items.IsDefault ? ImmutableArray<T>.Empty : _items;
    public int Count => Items.Length;
    public T this[int index] => Items[index];
    public bool IsEmpty => Count == 0;

    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();

    public bool Equals(ValueList<T> other) => Items.SequenceEqual(other.Items);
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }

    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);
    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    public static implicit operator ValueList<T>(ImmutableArray<T> items) => new(items);
    public static implicit operator ValueList<T>(T[] items) => new(ImmutableArray.Create(items));
    public static implicit operator ValueList<T>(List<T> items) => new(items.ToImmutableArray());
}

/// <summary>Builders for <see cref="ValueList{T}"/>.</summary>
public static class ValueList
{
    public static ValueList<T> Of<T>(params T[] items) => new(ImmutableArray.Create(items));
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items.ToImmutableArray());
}
