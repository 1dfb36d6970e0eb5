using Meshc.Runtime.Cli;

// Entry point of the runtime: the meshc launcher hands 'meshc run ...' here (the compiler never references the runtime).
return await RunCommand.Run(args.Length > 0 && args[0] == "run" ? args[1..] : args, Console.Out, Console.Error);
