using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>The ListenerSets whose status is ours to write, in key order.</summary>
internal sealed class ListenerSetBook
{
    private readonly SortedDictionary<ObjectKey, ListenerSetFacts> _sets = [];

    public IEnumerable<ListenerSetFacts> All => _sets.Values;

    public void Add(ListenerSetFacts facts) => _sets[facts.ListenerSet.Key] = facts;

    public ListenerSetFacts? Find(ObjectKey key) => _sets.GetValueOrDefault(key);
}
