using System.CommandLine;
using Sideman.Engine.Parameters;
using Sideman.Plugin;

namespace Sideman.Cli.Commands;

/// <summary><c>sideman describe</c>: the plugin's buses and parameters, as a table or as JSON.</summary>
internal static class DescribeCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the description as JSON (the same as Sideman.Plugin --describe)." };
        var command = new Command("describe", "Show the plugin's identity, buses and parameters (ids, ranges, defaults).") { json };
        command.SetAction(result =>
        {
            if (result.GetValue(json))
            {
                Console.Out.Write(PluginDescription.ToJson());
                return 0;
            }
            Console.WriteLine($"{SidemanPlugin.Name} {SidemanPlugin.Version} by {SidemanPlugin.Vendor} ({SidemanPlugin.Category})");
            Console.WriteLine("Audio outputs: " + string.Join(", ", SidemanPlugin.AudioOutputs.Select(b => $"{b.Name} ({b.ChannelCount} ch{(b.IsMain ? ", main" : "")})")));
            Console.WriteLine($"Events: {SidemanPlugin.EventInputName} -> {SidemanPlugin.EventOutputName}");
            Console.WriteLine();
            Console.WriteLine($"{"id",-16} {"ParamID",11} {"title",-15} {"default",9} {"min",8} {"max",8} {"units",-5} flags");
            foreach (ParameterDefinition p in SidemanPlugin.Parameters.All)
            {
                string cc = p.MidiController >= 0 ? $" cc{p.MidiController}" : "";
                Console.WriteLine($"{p.StringId,-16} {p.Id,11} {p.Title,-15} {p.FormatNormalized(p.DefaultNormalized),9} {p.FormatNormalized(0),8} {p.FormatNormalized(1),8} {p.Units,-5} {p.Flags}{cc}");
            }
            return 0;
        });
        return command;
    }
}
