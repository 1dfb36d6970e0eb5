namespace Meshc.Compiler.BackEnds.Bpf.Layouts;

/// <summary>A BPF map key or value with a fixed byte layout, written exactly as the datapath reads it.</summary>
public interface IBpfRecord
{
    /// <summary>The struct's size in bytes.</summary>
    int ByteSize { get; }

    /// <summary>Writes the struct into <paramref name="target"/>, which is at least <see cref="ByteSize"/> long.</summary>
    void WriteTo(Span<byte> target);
}

/// <summary>Helpers shared by the layouts.</summary>
public static class BpfRecord
{
    /// <summary>The struct's bytes as a new array.</summary>
    public static byte[] ToBytes(this IBpfRecord record)
    {
        var bytes = new byte[record.ByteSize];
        record.WriteTo(bytes);
        return bytes;
    }
}
