using Meshc.Server.Cli;

// Entry point of the xDS control plane: the meshc launcher hands 'meshc serve ...' here (the compiler never references it).
return await ServeCommand.Run(args.Length > 0 && args[0] == "serve" ? args[1..] : args, Console.Out, Console.Error);
