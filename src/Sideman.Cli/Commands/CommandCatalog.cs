using System.CommandLine;

namespace Sideman.Cli.Commands;

/// <summary>
/// Every subcommand of <c>sideman</c>. To add one: write <c>Commands/XyzCommand.cs</c> with a static
/// <c>Create()</c> returning a <see cref="Command"/>, and add one line here.
/// </summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create() =>
    [
        BenchCommand.Create(),
        ChordsCommand.Create(),
        DescribeCommand.Create(),
        EvaluateCommand.Create(),
        GenerateCommand.Create(),
        RenderCommand.Create(),
        SoundFontSubsetCommand.Create(),
    ];
}
