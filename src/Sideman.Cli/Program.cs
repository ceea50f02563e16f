using System.CommandLine;
using Sideman.Cli.Commands;

namespace Sideman.Cli;

/// <summary>The <c>sideman</c> command line. Each command lives in its own file under Commands/.</summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args);

    /// <summary>Runs the command line as the program does and returns its exit status (tests call this).</summary>
    internal static int Run(string[] args)
    {
        var root = new RootCommand("Sideman: a band that plays along. Render, inspect and measure the engine from the command line.");
        foreach (Command command in CommandCatalog.Create())
            root.Subcommands.Add(command);
        return root.Parse(args).Invoke();
    }
}
