using System.CommandLine;
using System.Globalization;
using Sideman.Model;
using Sideman.Model.Decoding;
using Sideman.Model.Decoding.Songs;
using Sideman.Model.Originality;
using Sideman.Model.Tokens;
using Sideman.Music.Midi.Files;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Cli.Commands;

/// <summary>
/// <c>sideman generate</c>: writes a band arrangement of a chord chart with the model: a MIDI file with one
/// track per part and, with --tokens-out, the token sequences as JSONL for models/training/evaluate.py.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var chart = new Option<string?>("--chart") { Description = "The chord chart, bars between bar lines: \"C | Am | F G7 | C\" (% repeats a bar)." };
        var chartFile = new Option<string?>("--chart-file") { Description = "Read the chord chart from a text file instead." };
        var timeSignature = new Option<string>("--time-signature") { Description = "Metre of every bar, e.g. 4/4, 3/4, 6/8.", DefaultValueFactory = _ => "4/4" };
        var tempo = new Option<double>("--tempo") { Description = "Tempo in BPM (20..999).", DefaultValueFactory = _ => 120 };
        var style = new Option<string>("--style") { Description = "Style (pop, rock, funk, soul, jazz_swing, bossa, ...; see vocab.json).", DefaultValueFactory = _ => "pop" };
        var key = new Option<string?>("--key") { Description = "Key tonic (C, F#, Bb). Default: the first chord's root." };
        var energy = new Option<string>("--energy") { Description = "Energy 0..4: one level, one per bar (1,2,3,3; the last repeats) or a ramp (1..4).", DefaultValueFactory = _ => "2" };
        var sections = new Option<string>("--sections") { Description = "Sections in order as name:bars (intro:4,verse:8,chorus:8) or one name.", DefaultValueFactory = _ => "verse" };
        var fills = new Option<bool>("--fills") { Description = "Play a fill in the bar before each section change." };
        var repeat = new Option<int>("--repeat") { Description = "Play the chart this many times.", DefaultValueFactory = _ => 1 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed: the same seed and inputs give the same song.", DefaultValueFactory = _ => 1 };
        var parts = new Option<string>("--parts") { Description = "Parts to write, comma-separated: drums,bass,keys,pad,arp,melody.", DefaultValueFactory = _ => "drums,bass,keys,pad,arp" };
        var temperature = new Option<float>("--temperature") { Description = "Sampling temperature (0 = always the likeliest token).", DefaultValueFactory = _ => SamplingSettings.Default.Temperature };
        var topP = new Option<float>("--top-p") { Description = "Nucleus sampling mass (0..1].", DefaultValueFactory = _ => SamplingSettings.Default.TopP };
        var model = new Option<string?>("--model") { Description = "Model file (default: the newest models/sideman-*.onnx)." };
        var vocab = new Option<string?>("--vocab") { Description = "vocab.json (default: models/vocab.json)." };
        var index = new Option<string?>("--index") { Description = "Originality index (default: the model's .fingerprints file)." };
        var noGuard = new Option<bool>("--no-guard") { Description = "Run without the originality guard (generated bars may then copy training data)." };
        var musicalGuard = new Option<int>("--musical-guard")
        {
            Description = "Samples per bar the musical guard may draw when a bar breaks its part's rules (0 = off, 1 = only count).",
            DefaultValueFactory = _ => MusicalGuardSettings.Default.Attempts,
        };
        var output = new Option<string>("--out", "-o") { Description = "MIDI file to write.", DefaultValueFactory = _ => "sideman-song.mid" };
        var tokensOut = new Option<string?>("--tokens-out") { Description = "Also write the token sequences (JSONL, one line per part) for evaluate.py." };
        var command = new Command("generate", "Write a band arrangement of a chord chart with the model, as a MIDI file.")
        {
            chart, chartFile, timeSignature, tempo, style, key, energy, sections, fills, repeat, seed, parts, temperature, topP,
            model, vocab, index, noGuard, musicalGuard, output, tokensOut,
        };
        command.SetAction(result =>
        {
            try
            {
                return Run(result, chart, chartFile, timeSignature, tempo, style, key, energy, sections, fills, repeat, seed, parts,
                           temperature, topP, model, vocab, index, noGuard, musicalGuard, output, tokensOut);
            }
            catch (Exception e) when (e is ModelException or VocabularyException or OriginalityIndexException or MidiFileException
                                      or InvalidDataException or FormatException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine();
                Console.Error.WriteLine($"generate: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Run(ParseResult r, Option<string?> chart, Option<string?> chartFile, Option<string> timeSignature, Option<double> tempo,
                           Option<string> style, Option<string?> key, Option<string> energy, Option<string> sections, Option<bool> fills,
                           Option<int> repeat, Option<ulong> seed, Option<string> parts, Option<float> temperature, Option<float> topP,
                           Option<string?> model, Option<string?> vocab, Option<string?> index, Option<bool> noGuard,
                           Option<int> musicalGuard, Option<string> output, Option<string?> tokensOut)
    {
        string chartText = r.GetValue(chart) ?? (r.GetValue(chartFile) is { } f ? File.ReadAllText(f) : null)
            ?? throw new ArgumentException("give the chords with --chart \"C | Am | F G7 | C\" or --chart-file FILE");
        SongPlan plan = SongPlan.Create(new SongRequest
        {
            Chart = chartText,
            TimeSignature = ParseTimeSignature(r.GetValue(timeSignature)!),
            Bpm = r.GetValue(tempo),
            Style = r.GetValue(style)!,
            Key = r.GetValue(key),
            Energy = r.GetValue(energy)!,
            Sections = r.GetValue(sections)!,
            Repeat = r.GetValue(repeat),
            Fills = r.GetValue(fills),
        });
        PartRole[] roles = ParseParts(r.GetValue(parts)!);
        foreach (string warning in plan.Warnings)
            Console.Error.WriteLine($"generate: warning: {warning}");

        DefaultModelFiles defaults = DefaultModelFiles.Locate();
        var (modelPath, vocabPath, indexPath) = GeneratorFiles.Resolve(
            defaults, r.GetValue(model), r.GetValue(vocab), r.GetValue(index), r.GetValue(noGuard), "generate");

        var settings = new GeneratorSettings
        {
            Seed = r.GetValue(seed),
            Sampling = new SamplingSettings(r.GetValue(temperature), r.GetValue(topP)),
            MusicalGuard = MusicalGuardSettings.Default with { Attempts = r.GetValue(musicalGuard) },
        };
        settings.Validate();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Song: {plan.Bars.Count} bars of {plan.TimeSignature} at {plan.Bpm:0.#} BPM ({plan.Seconds:0.0} s), style {plan.Style}, key {NoteName(plan.KeyTonic)}, seed {settings.Seed}"));
        Console.WriteLine($"Model: {modelPath}");
        Console.WriteLine(indexPath is null ? "Originality guard: OFF (--no-guard)" : $"Originality guard: {indexPath}");
        Console.WriteLine(settings.MusicalGuard.Enabled
            ? $"Musical guard: up to {settings.MusicalGuard.Attempts} samples per bar, beat-one grace {settings.MusicalGuard.BeatOneGrace} bars"
            : "Musical guard: OFF (--musical-guard 0)");

        using GeneratorAssets assets = GeneratorAssets.Open(modelPath, vocabPath, indexPath);
        Console.WriteLine(EvaluateCommand.DensityLine(assets));
        bool live = !Console.IsOutputRedirected;
        IReadOnlyList<GeneratedPart> generated = SongGenerator.Generate(assets, plan, roles, settings, (part, done, total) =>
        {
            if (live)
                Console.Write($"\r  {PartRoles.Name(part),-6} bar {done,5}/{total}");
        });
        if (live)
            Console.Write("\r" + new string(' ', 40) + "\r");
        foreach (GeneratedPart p in generated)
        {
            GenerationStats s = p.Stats;
            double audio = plan.Seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {PartRoles.Name(p.Header.Part),-6} {p.Bars.Count} bars, {p.Bars.Sum(b => b.Notes.Length + b.Hits.Length)} events, {p.Tokens.Length} tokens in {p.WallSeconds:0.00} s " +
                $"({p.Bars.Count / p.WallSeconds:0.0} bars/s, {audio / p.WallSeconds:0.0}x real time); guard: {s.GuardChecks} checks, {s.GuardRejections} copies rejected, {s.Perturbations} perturbed; " +
                $"musical guard: {s.MusicalChecks} checks, rejected {s.BeatOneRejections} beat one / {s.StrongBeatRejections} strong beat / {s.OutOfKeyRejections} out of key, " +
                $"{s.MusicalResamples} resampled ({s.MusicalStoppedEarly} stopped early), {s.BeatOneRepairs} beat ones repaired, {s.KeyRepairs} notes moved into the key, {s.MusicalViolationsKept} kept with a break"));
        }

        string outPath = r.GetValue(output)!;
        MidiFileWriter.Write(outPath, SongMidiWriter.Build(plan, generated));
        Console.WriteLine($"Wrote {outPath}");
        if (r.GetValue(tokensOut) is { } jsonl)
        {
            TokenTranscriptWriter.Write(jsonl, generated, assets, settings, indexPath);
            Console.WriteLine($"Wrote {jsonl}");
        }
        return 0;
    }


    private static TimeSignature ParseTimeSignature(string text)
    {
        string[] nd = text.Split('/');
        if (nd.Length == 2 && int.TryParse(nd[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)
            && int.TryParse(nd[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int d) && TimeSignature.IsValid(n, d))
            return new TimeSignature(n, d);
        throw new FormatException($"time signature '{text}' is not like 4/4 or 6/8");
    }

    private static PartRole[] ParseParts(string text)
    {
        var roles = new List<PartRole>();
        foreach (string name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!PartRoles.TryParse(name.ToLowerInvariant(), out PartRole role))
                throw new FormatException($"part '{name}' is unknown (drums, bass, keys, pad, arp, melody)");
            if (!roles.Contains(role))
                roles.Add(role);
        }
        return roles.Count > 0 ? [.. roles] : throw new FormatException("--parts names no part");
    }

    private static string NoteName(int pc) => new[] { "C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B" }[pc];
}
