using Meshc.Runtime.Proxy;

namespace Meshc.Runtime.Tests.Proxy;

public sealed class PrefixedStreamTests
{
    [Fact]
    public async Task Read_SmallBuffers_YieldsThePrefixThenTheRestInOrder()
    {
        var stream = new PrefixedStream([1, 2, 3], new MemoryStream([4, 5]));
        var got = new List<byte>();
        var buffer = new byte[2];
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0) got.AddRange(buffer.AsSpan(0, n).ToArray());
        Assert.Equal([1, 2, 3, 4, 5], got);
    }
}
