using System.CommandLine;
using Sideman.Cli.Commands;

namespace Sideman.Cli;

/// <summary>The <c>sideman</c> command line. Each command lives in its own file under Commands/.</summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args);

    /// <summary>Exit status of a command line that does not parse (an unknown option, a value of the wrong type), as for other bad input.</summary>
    internal const int BadUsage = 2;

    /// <summary>Runs the command line as the program does and returns its exit status (tests call this).</summary>
    internal static int Run(string[] args)
    {
        var root = new RootCommand("Sideman: a band that plays along. Render, inspect and measure the engine from the command line.");
        foreach (Command command in CommandCatalog.Create())
            root.Subcommands.Add(command);
        ParseResult parsed = root.Parse(args);
        int status = parsed.Invoke(); // with errors, this prints them and the usage
        return parsed.Errors.Count > 0 ? BadUsage : status;
    }
}
