using System.CommandLine;
using System.Globalization;
using Sideman.Cli.Rendering;
using Sideman.Engine;
using Sideman.Engine.Band;
using Sideman.Engine.Live;
using Sideman.Engine.Parameters;
using Sideman.Music.Audio;
using Sideman.Music.Midi;
using Sideman.Music.Midi.Files;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;

namespace Sideman.Cli.Commands;

/// <summary>
/// <c>sideman render</c>: the live band through the plugin itself (the same engine, generator and performer a DAW
/// loads), in offline mode, for a chords-only MIDI file or a chord chart. Writes DIR/mix.wav, one WAV per part
/// from the stem buses, and DIR/band.mid from the plugin's event output. Bad input gives one error naming it and
/// exit status 2; files appear in DIR only when the whole render succeeded.
/// </summary>
internal static class RenderCommand
{
    public const int BadInput = 2;

    public static Command Create()
    {
        var input = new Argument<string?>("chords") { Description = "A MIDI file with the chords you play (channel 1; any channel but the band's 2-5 and 10).", Arity = ArgumentArity.ZeroOrOne };
        var chart = new Option<string?>("--chart") { Description = "Play a chord chart instead: \"C | Am7 | F G7 | C/E\" (% repeats a bar); the band loops it." };
        var style = new Option<string>("--style") { Description = "Style: pop, rock, funk, jazz_swing, bossa, ... (the Style parameter's names work too).", DefaultValueFactory = _ => "pop" };
        var energy = new Option<double>("--energy") { Description = "Energy 0..4.", DefaultValueFactory = _ => 2 };
        var bars = new Option<int?>("--bars") { Description = "Bars to render (default: the MIDI file's length, or the chart once)." };
        var seed = new Option<int>("--seed") { Description = "Seed 0..9999: the same seed and inputs give the same render.", DefaultValueFactory = _ => 1 };
        var tempo = new Option<double?>("--tempo") { Description = "Tempo in BPM, 20..999 (default: the MIDI file's, else 120)." };
        var metre = new Option<string?>("--time-signature") { Description = "Metre, e.g. 4/4, 3/4, 6/8, 5/4 (default: the MIDI file's, else 4/4)." };
        var section = new Option<string?>("--section") { Description = "Section: verse, chorus, pre-chorus, bridge, solo, intro, outro." };
        var intro = new Option<bool>("--intro") { Description = "Open with intro bars." };
        var set = new Option<string[]>("--set") { Description = "Any parameter by its id: --set band.swing=30 (repeatable).", AllowMultipleArgumentsPerToken = false };
        var rate = new Option<int>("--rate") { Description = "Sample rate in Hz, 8000..384000.", DefaultValueFactory = _ => 48000 };
        var block = new Option<int>("--block") { Description = "Block size in samples, 1..8192 (as a host would use).", DefaultValueFactory = _ => 512 };
        var sounds = new Option<string?>("--sounds") { Description = "The bundled SoundFont (default: the build's build/sounds/sideman-gm.sf2)." };
        var output = new Option<string>("--out", "-o") { Description = "Folder for mix.wav, the stems and band.mid.", DefaultValueFactory = _ => "sideman-render" };
        var command = new Command("render", "Play chords (a MIDI file or a chart) into the plugin and render the live band: mix, stems and MIDI.")
        {
            input, chart, style, energy, bars, seed, tempo, metre, section, intro, set, rate, block, sounds, output,
        };
        command.SetAction(result =>
        {
            try
            {
                return Run(result, input, chart, style, energy, bars, seed, tempo, metre, section, intro, set, rate, block, sounds, output);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or MidiFileException or FileNotFoundException
                                      or DirectoryNotFoundException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Console.Error.WriteLine();
                Console.Error.WriteLine($"render: {e.Message}");
                return BadInput;
            }
        });
        return command;
    }

    private static int Run(ParseResult r, Argument<string?> input, Option<string?> chart, Option<string> style, Option<double> energy,
        Option<int?> bars, Option<int> seed, Option<double?> tempo, Option<string?> metre, Option<string?> section, Option<bool> intro,
        Option<string[]> set, Option<int> rate, Option<int> block, Option<string?> sounds, Option<string> output)
    {
        string? midiPath = r.GetValue(input);
        string? chartText = r.GetValue(chart);
        if ((midiPath is null) == (chartText is null))
            throw new ArgumentException("give either a chords MIDI file or --chart \"C | Am | F G7\" (not both)");
        int sampleRate = r.GetValue(rate);
        if (sampleRate is < 8000 or > 384000)
            throw new ArgumentException($"--rate {sampleRate}: the sample rate must be 8000..384000 Hz");
        int blockSize = r.GetValue(block);
        if (blockSize is < 1 or > 8192)
            throw new ArgumentException($"--block {blockSize}: the block size must be 1..8192 samples");

        ChordFile? file = midiPath is null ? null : ChordFile.Read(midiPath);
        double bpm = r.GetValue(tempo) ?? file?.Tempo ?? 120;
        if (!(bpm >= 20 && bpm <= 999))
            throw new ArgumentException($"--tempo {bpm.ToString(CultureInfo.InvariantCulture)}: the tempo must be 20..999 BPM");
        TimeSignature signature = r.GetValue(metre) is { } m ? ParseSignature(m) : file?.Signature ?? TimeSignature.FourFour;

        var settings = new List<(ParameterDefinition, double)>
        {
            (EngineParameters.Style, StyleStep(r.GetValue(style)!)),
            (EngineParameters.Energy, Checked("--energy", r.GetValue(energy), 0, 4)),
            (EngineParameters.Seed, Checked("--seed", r.GetValue(seed), 0, 9999)),
            (EngineParameters.ChordSource, chartText is null ? LiveBandChoices.Follow : LiveBandChoices.Chart),
            (EngineParameters.Intro, r.GetValue(intro) ? 1 : 0),
        };
        if (r.GetValue(section) is { } sectionName)
            settings.Add((EngineParameters.Section, Step(EngineParameters.Section, sectionName, "--section")));
        foreach (string assignment in r.GetValue(set) ?? [])
            settings.Add(ParseAssignment(assignment));

        double quartersPerBar = signature.QuarterNotesPerBar;
        int barCount = r.GetValue(bars) ?? (file is not null
            ? Math.Max(1, (int)Math.Ceiling(file.LengthQuarters / quartersPerBar - 1e-9))
            : ChartBars(chartText!));
        if (barCount is < 1 or > 10000)
            throw new ArgumentException($"--bars {barCount}: render 1..10000 bars");

        string soundFont = r.GetValue(sounds) ?? DefaultSoundFont();
        var job = new RenderJob
        {
            SampleRate = sampleRate,
            BlockSize = blockSize,
            Tempo = bpm,
            Signature = signature,
            Input = file?.Events(sampleRate * 60.0 / bpm) ?? [],
            Settings = settings,
            Chart = chartText,
            SoundFontPath = soundFont,
        };
        job = job with { TotalSamples = job.SamplesPerBar * barCount };
        string outDir = Path.GetFullPath(r.GetValue(output)!);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rendering {barCount} bars of {signature} at {bpm:0.##} BPM ({job.TotalSamples / (double)sampleRate:0.0} s), style {BandStyles.Names[(int)settings[0].Item2]}, seed {r.GetValue(seed)}, {(chartText is null ? "following " + Path.GetFileName(midiPath) : "chart mode")}"));

        bool live = !Console.IsOutputRedirected;
        long lastBar = -1;
        var started = DateTime.UtcNow;
        RenderResult result = PluginRender.Run(job, (done, total) =>
        {
            long bar = done / job.SamplesPerBar;
            if (bar == lastBar)
                return;
            lastBar = bar;
            if (live)
                Console.Write($"\r  bar {Math.Min(bar + 1, barCount),5}/{barCount}");
            else if (bar % 8 == 0 || done == total)
                Console.WriteLine($"  bar {Math.Min(bar + 1, barCount)}/{barCount}");
        });
        if (live)
            Console.Write("\r" + new string(' ', 30) + "\r");
        double seconds = (DateTime.UtcNow - started).TotalSeconds;
        RenderOutput.Write(outDir, sampleRate, bpm, signature, result);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rendered in {seconds:0.0} s ({job.TotalSamples / (double)sampleRate / seconds:0.0}x real time); the generator wrote {result.BarsWritten} bars; late bars {result.LateBars}, timeouts {result.OfflineTimeouts}"));
        Console.WriteLine($"Wrote {outDir}/: {string.Join(", ", RenderOutput.FileNames)}");
        return result.OfflineTimeouts > 0 ? 1 : 0;
    }

    private static int ChartBars(string chart)
    {
        if (!LiveChart.TryParse(chart, out LiveChart? parsed, out string? problem))
            throw new FormatException(problem);
        return parsed!.BarCount;
    }

    private static double StyleStep(string name)
    {
        string wanted = name.Trim();
        for (int i = 0; i < BandStyles.Ids.Count; i++)
        {
            if (string.Equals(BandStyles.Ids[i], wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(BandStyles.Names[i], wanted, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        throw new ArgumentException($"--style '{name}' is not a style Sideman knows; choose one of: {string.Join(", ", BandStyles.Ids)}");
    }

    private static double Step(ParameterDefinition parameter, string text, string option)
    {
        if (parameter.Scale.TryParse(text, out double plain))
            return plain;
        var names = parameter.Scale is ListScale list ? string.Join(", ", list.Names) : parameter.Title;
        throw new ArgumentException($"{option} '{text}' is not one of: {names}");
    }

    private static (ParameterDefinition, double) ParseAssignment(string assignment)
    {
        int eq = assignment.IndexOf('=');
        if (eq <= 0)
            throw new ArgumentException($"--set '{assignment}' should be id=value, e.g. band.swing=30");
        string id = assignment[..eq].Trim();
        ParameterDefinition parameter = EngineParameters.All.Find(id)
            ?? throw new ArgumentException($"--set: no parameter has the id '{id}' (see `sideman describe`)");
        string text = assignment[(eq + 1)..].Trim();
        if (!parameter.TryParseNormalized(text, out double normalized))
            throw new ArgumentException($"--set {id}: '{text}' is not a value of {parameter.Title}");
        return (parameter, parameter.ToPlain(normalized));
    }

    private static double Checked(string option, double value, double min, double max) =>
        value >= min && value <= max ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option} {value}: must be {min}..{max}"));

    private static TimeSignature ParseSignature(string text)
    {
        string[] nd = text.Split('/');
        if (nd.Length == 2 && int.TryParse(nd[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)
            && int.TryParse(nd[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int d) && TimeSignature.IsValid(n, d))
            return new TimeSignature(n, d);
        throw new FormatException($"--time-signature '{text}' is not a metre like 4/4 or 6/8");
    }

    /// <summary>The sounds the build made (build/sounds), found from this program's folder or the working directory.</summary>
    internal static string DefaultSoundFont()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                foreach (string candidate in new[] { Path.Combine(d.FullName, "sounds", BundledPresets.SoundFontFileName),
                                                     Path.Combine(d.FullName, "build", "sounds", BundledPresets.SoundFontFileName) })
                {
                    if (File.Exists(candidate))
                        return candidate;
                }
            }
        }
        throw new FileNotFoundException($"the band's sounds ({BundledPresets.SoundFontFileName}) were not found: run installer/build-bundle.sh, or pass --sounds FILE");
    }
}
