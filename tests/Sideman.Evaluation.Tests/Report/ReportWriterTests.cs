using System.Text;
using System.Text.Json;
using Sideman.Evaluation.Human;
using Sideman.Evaluation.Report;
using Sideman.Evaluation.Suite;
using Sideman.Model.Decoding;
using Sideman.Music.Time;
using static Sideman.Evaluation.Tests.Support.HandMade;

namespace Sideman.Evaluation.Tests.Report;

public sealed class ReportWriterTests
{
    private static EvaluationReport Report()
    {
        var tally = new EvaluationTally();
        tally.Add(StyleTallyTests.Song("pop", 1, bassBars: 2, backbeatBars: 2));
        tally.Add(StyleTallyTests.Song("pop", 2, bassBars: 0, backbeatBars: 1));
        tally.Guards.Add(new GenerationStats(Bars: 8, 0, 0, 0, 0, GuardChecks: 8, GuardRejections: 1, 0, 0, 0,
                                             MusicalChecks: 10, MusicalResamples: 2, MusicalViolationsKept: 1, BeatOneRepairs: 1, KeyRepairs: 2));
        tally.Guards.Add(new GenerationStats(Bars: 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, MusicalChecks: 9, MusicalResamples: 1));
        HumanBaseline human = HumanBaseline.Measure([Drums("pop", null, Bars(FourFour, FourFour), Hit(0, 24, "snare"), Hit(0, 72, "snare"))], [FourFour, new TimeSignature(6, 8)]);
        return new EvaluationReport(EvaluationSuite.Quick(["pop"]), "m.onnx", "0.1.0", "abcdef0123456789", null, tally, human, StyleBounds.Check(tally, human));
    }

    private static string Json(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        ReportJson.Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void The_json_holds_the_figures_the_bounds_and_the_same_bytes_each_time()
    {
        EvaluationReport report = Report();
        string text = Json(report);
        Assert.Equal(text, Json(Report()));
        using JsonDocument doc = JsonDocument.Parse(text);
        JsonElement root = doc.RootElement;
        Assert.Equal(ReportJson.Format, root.GetProperty("format").GetString());
        JsonElement pop = Assert.Single(root.GetProperty("styles").EnumerateArray());
        Assert.Equal("backbeat", pop.GetProperty("family").GetString());
        Assert.Equal(0.75, pop.GetProperty("drums_4_4").GetProperty("generated").GetProperty("backbeat").GetDouble());
        Assert.Equal(0.5, pop.GetProperty("drums_4_4").GetProperty("human").GetProperty("backbeat").GetDouble());
        Assert.Equal(2, pop.GetProperty("bass_beat_1").GetProperty("worst_seed").GetProperty("seed").GetInt32());
        Assert.Equal(0, pop.GetProperty("bass_beat_1").GetProperty("by_seed").GetProperty("2").GetProperty("all").GetDouble());
        Assert.Equal(JsonValueKind.Null, pop.GetProperty("parts").GetProperty("pad").GetProperty("chord_tones").ValueKind); // no pad played: no figure
        JsonElement guards = root.GetProperty("guards");   // summed over the parts
        Assert.Equal(16, guards.GetProperty("bars").GetInt64());
        Assert.Equal(19, guards.GetProperty("musical_checks").GetInt64());
        Assert.Equal(3, guards.GetProperty("musical_resamples").GetInt64());
        Assert.Equal(1, guards.GetProperty("musical_violations_kept").GetInt64());
        Assert.Equal(1, guards.GetProperty("beat_one_repairs").GetInt64());
        Assert.Equal(2, guards.GetProperty("key_repairs").GetInt64());
        Assert.Equal(1, guards.GetProperty("copies_rejected").GetInt64());
        Assert.Equal(MusicalGuardSettings.Default.Attempts, guards.GetProperty("musical_attempts").GetInt32());
        JsonElement bounds = root.GetProperty("bounds");
        Assert.False(bounds.GetProperty("all_hold").GetBoolean());
        Assert.Equal(report.Failures.Count(), bounds.GetProperty("failed").GetInt32());
        Assert.Contains(bounds.GetProperty("results").EnumerateArray(), b => b.GetProperty("subject").GetString() == "pop seed 2" && !b.GetProperty("holds").GetBoolean());
    }

    [Fact]
    public void The_markdown_lists_every_failing_bound_and_sets_generated_beside_human()
    {
        EvaluationReport report = Report();
        string md = ReportMarkdown.Write(report);
        Assert.Equal(md, ReportMarkdown.Write(Report()));
        Assert.Contains($"{report.Failures.Count()} of {report.Bounds.Count} fail.", md);
        foreach (BoundResult failure in report.Failures)
            Assert.Contains(failure.Text, md);
        Assert.Contains("| pop | backbeat | 75% [50%] |", md);   // one human take: shown in brackets, not a reference
        Assert.Contains("| pop | 50% | 50% | – | 100% | 0% | seed 2: 0% |", md);
        Assert.Contains("`C \\| C/B \\| Am \\| Am/G`", md);
        Assert.Contains("checked 19 pitched samples and drew 3 again; 1 of 16 bars were kept although every try broke a rule (1 given the chord's bass on beat 1, 2 out-of-key notes moved into the key); the originality guard rejected 1 copies.", md);
    }
}
