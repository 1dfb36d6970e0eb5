using Meshc.PolicyEngine;

namespace Meshc.Runtime.Tests.Policy;

/// <summary>The loader verifies a map file's header, sizes and length before it trusts a byte.</summary>
public sealed class BpfMapImageTests
{
    private static byte[] File(int keySize, int valueSize, int count, int extra = 0)
    {
        var bytes = new byte[BpfMapImage.HeaderSize + count * (keySize + valueSize) + extra];
        "MCBPF\0"u8.CopyTo(bytes);
        bytes[6] = 1;
        bytes[8] = (byte)keySize;
        bytes[12] = (byte)valueSize;
        bytes[16] = (byte)count;
        for (var i = BpfMapImage.HeaderSize; i < bytes.Length; i++) bytes[i] = (byte)i;
        return bytes;
    }

    [Fact]
    public void Read_WellFormed_SplitsKeysAndValues()
    {
        var (image, error) = BpfMapImage.Read("m", File(12, 12, 2), 12, 12);
        Assert.Null(error);
        Assert.Equal(2, image!.Entries.Count);
        Assert.Equal((byte)(BpfMapImage.HeaderSize + 24), image.Entries[1].Key[0]);
        Assert.Equal((byte)(BpfMapImage.HeaderSize + 36), image.Entries[1].Value[0]);
    }

    [Fact]
    public void Read_BadMagic_Error()
    {
        var bytes = File(12, 12, 1);
        bytes[0] = (byte)'X';
        Assert.Contains("no MCBPF header", BpfMapImage.Read("m", bytes, 12, 12).Error);
    }

    [Fact]
    public void Read_WrongVersion_Error() =>
        Assert.Contains("format version 2", BpfMapImage.Read("m", File(12, 12, 1).Select((b, i) => i == 6 ? (byte)2 : b).ToArray(), 12, 12).Error);

    [Fact]
    public void Read_UnexpectedSizes_Error() => Assert.Contains("expected 12/12", BpfMapImage.Read("m", File(24, 24, 1), 12, 12).Error);

    [Fact]
    public void Read_TrailingBytes_Error() => Assert.Contains("do not hold 1 entries", BpfMapImage.Read("m", File(12, 12, 1, extra: 3), 12, 12).Error);

    [Fact]
    public void Read_Empty_Error() => Assert.NotNull(BpfMapImage.Read("m", [], 12, 12).Error);
}
