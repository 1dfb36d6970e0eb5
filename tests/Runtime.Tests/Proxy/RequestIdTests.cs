using Meshc.Runtime.Proxy;

namespace Meshc.Runtime.Tests.Proxy;

public sealed class RequestIdTests
{
    [Fact]
    public void New_ManyIds_AreDistinctVersion4Uuids()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => RequestId.New()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id =>
        {
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
        });
    }
}
