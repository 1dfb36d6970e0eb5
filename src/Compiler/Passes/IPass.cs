namespace Meshc.Compiler.Passes;

/// <summary>One analysis step. Passes read the immutable model and record findings in the context; they never throw for bad input.</summary>
internal interface IPass
{
    void Run(PassContext context);
}
