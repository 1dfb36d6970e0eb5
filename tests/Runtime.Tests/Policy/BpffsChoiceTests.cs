using Meshc.Runtime.Cli;
using Meshc.Runtime.Enforcement;

namespace Meshc.Runtime.Tests.Policy;

/// <summary>Where <c>meshc run</c> pins kernel maps: <c>--bpffs DIR|off</c>, a folder only when it lies on a bpffs mount.</summary>
public sealed class BpffsChoiceTests
{
    [Fact]
    public void Parse_BpffsOption_Kept()
    {
        var (args, error) = RunArguments.Parse(["bundle", "--bpffs", "/sys/fs/bpf/meshc-test"]);
        Assert.Null(error);
        Assert.Equal("/sys/fs/bpf/meshc-test", args!.Bpffs);
        Assert.Null(RunArguments.Parse(["bundle"]).Args!.Bpffs);
        Assert.Equal("--bpffs needs a value", RunArguments.Parse(["bundle", "--bpffs"]).Error);
    }

    [Fact]
    public void Choose_Off_NoFolderAndSaysSo()
    {
        Assert.Equal((null, "kernel maps off (--bpffs off)"), Bpffs.Choose("off"));
    }

    [BpffsFact]
    public void Choose_FolderInsideABpffsMount_Accepted()
    {
        var (bpffs, refused) = TemporaryBpffs.TryMount();
        Assert.True(bpffs is not null, refused);
        using (bpffs)
        {
            var inside = Path.Combine(bpffs!.Path, "meshc");
            Assert.Equal((inside, null), Bpffs.Choose(inside));
        }
    }
}
