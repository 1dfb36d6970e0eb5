using Meshc.Fuzz;

// meshc-fuzz: the entry point afl-fuzz runs (fuzz/run.sh), and the tools around it.
//   run <target>                    serve afl-fuzz: run each input it sends through the target
//   replay <target> <path>...       run files (or every file of folders) through the target, report what fails
//   instrument <folder>             add afl coverage instrumentation to meshc's assemblies in a copied build
//   seeds <repo> <shared|-> <out>   write the seed corpus of every target to <out>/<target>/
return args switch
{
    ["run", var target] => Commands.Run(target),
    ["replay", var target, .. var paths] => Commands.Replay(target, paths, Console.Out),
    ["instrument", var folder] => Commands.Instrument(folder, Console.Out),
    ["seeds", var repo, var shared, var output] => Seeds.Write(repo, shared == "-" ? null : shared, output, Console.Out),
    _ => Commands.Usage(Console.Error),
};
