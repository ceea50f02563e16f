using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sideman.Evaluation.Human;
using Sideman.Evaluation.Report;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Suite;
using Sideman.Model;
using Sideman.Model.Decoding;
using Sideman.Model.Originality;
using Sideman.Model.Tokens;
using Sideman.Music.Midi.Files;

namespace Sideman.Cli.Commands;

/// <summary>
/// <c>sideman evaluate</c>: the musical evaluation of the shipped path. Generates a fixed suite of songs with the
/// C# generator and the shipped model (every style, 4/4, 3/4, 6/8 and 5/4, plain and slash charts, several seeds,
/// every energy), measures them beside the human drumming of the Groove corpus, and writes
/// style_eval.md and style_eval.json (style_eval_quick.* for --quick). With --check, lists every bound of issue 11
/// that fails and exits 1 if any does. Bad input: one error naming it, exit status 2, no files.
/// </summary>
internal static class EvaluateCommand
{
    public const int BoundsFail = 1;

    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "The small suite (4 bars a song, seed 1; about 2 minutes on one core) instead of the full one." };
        var check = new Option<bool>("--check") { Description = "Check issue 11's bounds: print each failing one with its figure; exit status 1 if any fails." };
        var styles = new Option<string?>("--styles") { Description = "Only these styles, comma-separated (default: every style in vocab.json)." };
        var output = new Option<string?>("--out", "-o") { Description = "Folder for the report (default: models/training/reports)." };
        var corpus = new Option<string?>("--corpus") { Description = "The licensed corpus, for the human baseline (default: $SIDEMAN_CORPUS or a shared/corpus folder above)." };
        var model = new Option<string?>("--model") { Description = "Model file (default: the newest models/sideman-*.onnx)." };
        var vocab = new Option<string?>("--vocab") { Description = "vocab.json (default: models/vocab.json)." };
        var index = new Option<string?>("--index") { Description = "Originality index (default: the model's .fingerprints file)." };
        var noGuard = new Option<bool>("--no-guard") { Description = "Generate without the originality guard." };
        var command = new Command("evaluate", "Measure how the band plays each style (backbeats, metres, slash chords, density) beside human drumming; write a report.")
        {
            quick, check, styles, output, corpus, model, vocab, index, noGuard,
        };
        command.SetAction(r =>
        {
            try
            {
                return Run(r, quick, check, styles, output, corpus, model, vocab, index, noGuard);
            }
            catch (Exception e) when (e is ModelException or VocabularyException or OriginalityIndexException or MidiFileException or InvalidDataException
                                      or FormatException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine();
                Console.Error.WriteLine($"evaluate: {e.Message}");
                return RenderCommand.BadInput;
            }
        });
        return command;
    }

    private static int Run(ParseResult r, Option<bool> quick, Option<bool> check, Option<string?> styles, Option<string?> output, Option<string?> corpus,
                           Option<string?> model, Option<string?> vocab, Option<string?> index, Option<bool> noGuard)
    {
        DefaultModelFiles defaults = DefaultModelFiles.Locate();
        var (modelPath, vocabPath, indexPath) = GeneratorFiles.Resolve(
            defaults, r.GetValue(model), r.GetValue(vocab), r.GetValue(index), r.GetValue(noGuard), "evaluate");
        string outDir = r.GetValue(output)
            ?? (defaults.Folder is { } folder ? Path.Combine(folder, "training", "reports") : throw new ArgumentException("no models/ folder found to write the report into; pass --out DIR"));
        string corpusRoot = r.GetValue(corpus) ?? GrooveCorpus.Locate()
            ?? throw new ArgumentException("the human baseline needs the licensed corpus (Groove MIDI) and none was found; pass --corpus DIR or set SIDEMAN_CORPUS");
        if (!Directory.Exists(corpusRoot))
            throw new ArgumentException($"--corpus {corpusRoot}: no such folder");

        using GeneratorAssets assets = GeneratorAssets.Open(modelPath, vocabPath, indexPath);
        IReadOnlyList<string> chosen = ChooseStyles(r.GetValue(styles), assets.Vocabulary.Styles);
        EvaluationSuite suite = r.GetValue(quick) ? EvaluationSuite.Quick(chosen) : EvaluationSuite.Full(chosen);

        Console.WriteLine($"Model: {modelPath}");
        Console.WriteLine(indexPath is null ? "Originality guard: OFF (--no-guard)" : $"Originality guard: {indexPath}");
        Console.WriteLine(DensityLine(assets));
        Console.WriteLine($"Human baseline: Groove beat takes in {corpusRoot}");
        var drums = new DrumClasses(assets.Vocabulary);
        HumanBaseline human = HumanBaseline.Load(corpusRoot, drums, EvaluationSuite.Charts.Select(c => c.Metre));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {human.Takes4x4} takes in 4/4: backbeat {human.All.Backbeat.Value * 100:0}%, {human.All.KicksPerBar:0.00} kicks per bar"));

        Console.WriteLine($"Suite {suite.Name}: {suite.Cases.Count} songs, {suite.Styles.Count} styles, seeds {string.Join(",", suite.Seeds)}");
        long start = Stopwatch.GetTimestamp();
        bool live = !Console.IsOutputRedirected;
        int step = Math.Max(1, suite.Cases.Count / 20);
        EvaluationTally tally = EvaluationRunner.Run(assets, suite, (done, total, c) =>
        {
            if (live)
                Console.Write($"\r  song {done,4}/{total}  {c.Name,-50}");
            else if (done % step == 0 || done == total)
                Console.WriteLine($"  song {done}/{total}");
        });
        if (live)
            Console.Write("\r" + new string(' ', 70) + "\r");
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated {tally.Songs} songs, {tally.Bars} bars, in {seconds:0} s"));

        IReadOnlyList<BoundResult> bounds = StyleBounds.Check(tally, human);
        var report = new EvaluationReport(suite, Path.GetFileName(assets.ModelInfo.Path), assets.ModelInfo.ModelVersion, assets.ModelInfo.VocabSha256,
                                          indexPath is null ? null : Path.GetFileName(indexPath), tally, human, bounds,
                                          assets.Density is null ? null : Path.GetFileName(assets.Density.SourcePath));
        string stem = suite.Name == "quick" ? "style_eval_quick" : "style_eval";
        Directory.CreateDirectory(outDir);
        string md = Path.Combine(outDir, stem + ".md"), json = Path.Combine(outDir, stem + ".json");
        WriteAtomically(md, s => { using var w = new StreamWriter(s); w.Write(ReportMarkdown.Write(report)); });
        WriteAtomically(json, s => ReportJson.Write(report, s));
        Console.WriteLine($"Wrote {md}");
        Console.WriteLine($"Wrote {json}");

        int failed = report.Failures.Count();
        Console.WriteLine($"Bounds: {bounds.Count - failed} of {bounds.Count} hold");
        if (!r.GetValue(check))
            return 0;
        foreach (BoundResult b in report.Failures)
            Console.WriteLine($"  FAIL {b.Text}");
        return failed == 0 ? 0 : BoundsFail;
    }

    private static IReadOnlyList<string> ChooseStyles(string? spec, IReadOnlyList<string> known)
    {
        if (spec is null)
            return known;
        var chosen = new List<string>();
        foreach (string name in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string style = name.ToLowerInvariant();
            if (!known.Contains(style))
                throw new ArgumentException($"--styles: style '{name}' is not one the model knows; choose from: {string.Join(", ", known)}");
            if (!chosen.Contains(style))
                chosen.Add(style);
        }
        return chosen.Count > 0 ? chosen : throw new ArgumentException("--styles names no style");
    }

    /// <summary>Writes through a temporary file beside <paramref name="path"/>, so a failed run leaves the old report whole.</summary>
    private static void WriteAtomically(string path, Action<Stream> write)
    {
        string temp = path + ".partial";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            write(stream);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>What the console says of density steering: the targets beside the model, or that bars are not steered.</summary>
    internal static string DensityLine(GeneratorAssets assets) => assets.Density is null
        ? "Density steering: OFF (no .density.json beside the model)"
        : string.Create(CultureInfo.InvariantCulture, $"Density steering: {assets.Density.SourcePath} (strength {GeneratorSettings.DefaultDensitySteering:0.##})");
}
