using Meshc.Compiler.Cli;
using Meshc.Runtime.Cli;

// Socket completions run on the epoll thread instead of hopping to the thread pool: the proxy's handlers never block,
// and on two cores the hop cost about 4% of the throughput (bench/run-runtime-bench.sh). Read by the socket engine
// when the first socket opens, so it is set before anything else; a value the user set is kept.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");

// Entry point of the runtime: the meshc launcher hands 'meshc run ...' here (the compiler never references the runtime).
// A fault that escapes becomes one MC0902 line and exit code 2 (LastResort), never a stack trace.
var runArgs = args.Length > 0 && args[0] == "run" ? args[1..] : args;
return LastResort.Run(() => RunCommand.Run(runArgs, Console.Out, Console.Error).GetAwaiter().GetResult(), ["run", .. runArgs], Console.Error);
