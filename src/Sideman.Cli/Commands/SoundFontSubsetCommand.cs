using System.CommandLine;
using System.Globalization;
using Sideman.Cli.Bench;
using Sideman.Synth.SoundFont;

namespace Sideman.Cli.Commands;

/// <summary>
/// <c>sideman soundfont-subset</c>: builds the bundled SoundFont (only the presets Sideman uses, cut
/// from Debian's FluidR3_GM by our own SF2 writer) and its licence file; with --bench, also prints
/// its load time and the player's CPU time per block.
/// </summary>
internal static class SoundFontSubsetCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "The full FluidR3_GM.sf2 to cut from.", DefaultValueFactory = _ => BundledPresets.DebianSourcePath };
        var output = new Option<string>("--output") { Description = "Where to write the subset (its .LICENSE.txt goes beside it).", DefaultValueFactory = _ => BundledPresets.SoundFontFileName };
        var bench = new Option<bool>("--bench") { Description = "Then measure load time and CPU per block with 32 and 64 voices (48 kHz, 128 samples)." };
        var command = new Command("soundfont-subset", "Build the bundled SoundFont subset from FluidR3_GM, with its licence notice.") { source, output, bench };
        command.SetAction(result =>
        {
            string from = result.GetValue(source)!;
            string to = result.GetValue(output)!;
            SubsetReport report;
            try
            {
                Console.WriteLine($"Reading {from} ...");
                report = BundledSoundFont.Build(from, to);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SoundFontFormatException or ArgumentException)
            {
                Console.Error.WriteLine($"soundfont-subset: {e.Message}");
                return 1;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {report.OutputPath}: {report.Bytes / 1048576.0:0.0} MiB, {report.Presets} presets, {report.Instruments} instruments, {report.Samples} samples ({report.BuildTime.TotalSeconds:0.0} s)"));
            Console.WriteLine($"Licence: {report.LicensePath}");
            if (result.GetValue(bench))
            {
                System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;
                Console.WriteLine();
                Console.Write(SoundFontBench.Format(SoundFontBench.Run(report.OutputPath, [32, 64])));
            }
            return 0;
        });
        return command;
    }
}
