using Meshc.SchemaDerive;

// Usage: SchemaDerive <crds-dir> <schemas-dir> [<hand-written-dir>]   (the last defaults to <schemas-dir>/kubernetes)
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine($"usage: {Derivation.Command}");
    return 2;
}
var (crds, output) = (args[0], args[1]);
var handWritten = args.Length == 3 ? args[2] : Path.Combine(output, "kubernetes");
var files = Derivation.Run(crds, handWritten);
Derivation.Write(files, output);
Console.WriteLine($"wrote {files.Count} files to {output}");
return 0;
