using System.Buffers.Binary;
using System.IO.Compression;

namespace Meshc.Compiler.Tests.Graph;

/// <summary>Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium's screenshots are) into 0xRRGGBB pixels.</summary>
internal static class PngPixels
{
    public static int[] Read(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }), "not a PNG");
        int width = 0, height = 0, channels = 0;
        var compressed = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                Assert.True(data[8] == 8 && data[12] == 0, "expected 8-bit, non-interlaced");
                channels = data[9] switch { 2 => 3, 6 => 4, var t => throw new NotSupportedException($"PNG color type {t}") };
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }
            at += 12 + length;
        }
        compressed.Position = 0;
        var raw = new MemoryStream();
        using (var inflate = new ZLibStream(compressed, CompressionMode.Decompress)) inflate.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var pixels = new int[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            var row = bytes.AsSpan(y * (stride + 1) + 1, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0, up = previous[i], corner = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, corner),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }
            for (var x = 0; x < width; x++) pixels[y * width + x] = row[x * channels] << 16 | row[x * channels + 1] << 8 | row[x * channels + 2];
            row.CopyTo(previous);
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
