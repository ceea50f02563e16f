namespace Sideman.Cli.Tests;

/// <summary>Runs <c>sideman</c> in-process as a user would, capturing what it prints.</summary>
internal static class CliRun
{
    public static (int Status, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        TextWriter savedOut = Console.Out, savedError = Console.Error;
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int status = Program.Run(args);
            return (status, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
        }
    }
}
