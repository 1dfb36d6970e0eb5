using System.Diagnostics;
using Meshc.Compiler.Cli;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Files;
using Meshc.Compiler.FrontEnds;

namespace Meshc.Compiler.Tests.Hardening;

/// <summary>Inputs are read only when they are regular files within the size bound: a FIFO or a device named as an input once hung meshc.</summary>
public sealed class InputFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshc-inputs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IReadOnlyList<Diagnostic> Load(params string[] inputs)
    {
        var diagnostics = new DiagnosticBag();
        SourceLoader.Load(inputs, diagnostics);
        return diagnostics.ToImmutableSorted();
    }

    [Fact]
    public async Task Fifo_IsRefusedWithMC0506_WithoutReadingIt()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Path.Combine(_dir, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));

        // Named directly and found in a folder: neither opens it (opening a FIFO with no writer blocks for ever).
        var direct = Task.Run(() => Load(fifo));
        var inFolder = Task.Run(() => Load(_dir));
        await Task.WhenAll(direct, inFolder).WaitAsync(TimeSpan.FromSeconds(30));

        var error = Assert.Single(await direct);
        Assert.Equal(DiagnosticCatalog.InputNotRegularFile.Code, error.Code);
        Assert.Contains("a FIFO", error.Message);
        Assert.Equal(DiagnosticCatalog.InputNotRegularFile.Code, Assert.Single(await inFolder).Code);
    }

    [Fact]
    public void Device_IsRefusedWithMC0506()
    {
        if (!OperatingSystem.IsLinux()) return;
        var error = Assert.Single(Load("/dev/zero"));
        Assert.Equal(DiagnosticCatalog.InputNotRegularFile.Code, error.Code);
        Assert.Contains("a character device", error.Message);
    }

    [Fact]
    public void FileOverTheBound_IsRefusedWithMC0505_BeforeReading()
    {
        var big = Path.Combine(_dir, "big.yaml");
        using (var file = File.Create(big)) file.SetLength(SourceLoader.MaxInputBytes + 1); // sparse: nothing is written
        var error = Assert.Single(Load(big));
        Assert.Equal(DiagnosticCatalog.InputTooLarge.Code, error.Code);
    }

    [Fact]
    public async Task CheckCommand_OnAFifo_ExitsTwo()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Path.Combine(_dir, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        var stderr = new StringWriter();
        var code = await Task.Run(() => MeshcCommand.Run(["check", fifo], new StringWriter(), stderr)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("MC0506", stderr.ToString());
    }
}
