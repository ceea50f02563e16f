using System.Text.Json.Nodes;
using Sideman.Model.Decoding;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;
using Sideman.Music.Time;
using Sideman.Tests.Shared;
using Xunit.Abstractions;

namespace Sideman.Model.Tests.Decoding;

/// <summary>
/// Density steering on the test model: bars at an energy level whose figure is far above (or below) what the model writes
/// get more (or fewer) notes than unsteered bars of the same seed, and a bar behind its figure moves on in smaller steps
/// (more notes before its middle, which holding the bar open cannot give); the feedback steers a level whose bars keep
/// missing its figure further and comes back with rolled-back bars; 0 turns steering off exactly, steered bars stay
/// deterministic and allocate nothing, and the assets find the targets beside the model.
/// </summary>
[Collection(GeneratorModelCollection.Name)]
public sealed class DensitySteeringTests(GeneratorModelFixture fx, ITestOutputHelper output) : IDisposable
{
    private const int Bars = 24;
    private readonly string _dir = Directory.CreateTempSubdirectory("sideman-steer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Targets where every part wants <paramref name="figures"/> notes at energy 0..4.</summary>
    private DensityTargets Targets(params double[] figures)
    {
        var fallback = new JsonObject();
        foreach (string part in new[] { "drums", "bass", "keys", "pad", "arp" })
            fallback[part] = new JsonArray(figures.Select(f => (JsonNode)f).ToArray());
        var doc = new JsonObject
        {
            ["format"] = "sideman-density", ["version"] = 1, ["vocab_sha256"] = fx.VocabSha256, ["levels"] = 5,
            ["fallback"] = fallback, ["styles"] = new JsonObject(),
        };
        string path = Path.Combine(_dir, $"t{Guid.NewGuid():N}.density.json");
        File.WriteAllText(path, doc.ToJsonString());
        return DensityTargets.Load(path, fx.VocabSha256);
    }

    private static BarConditioning Bar(int i, int energy) => SongFixture.Bar(i) with { Energy = energy };

    private (double Mean, List<int[]> Tokens) Notes(PartRole part, int energy, DensityTargets? targets, double strength = GeneratorSettings.DefaultDensitySteering, ulong seed = 3)
    {
        var (mean, _, tokens) = Generate(part, energy, targets, strength, seed);
        return (mean, tokens);
    }

    /// <summary>From bar <paramref name="fromBar"/> on: mean notes a bar, mean notes a bar starting in its first half; and every bar's tokens.</summary>
    private (double Mean, double FirstHalf, List<int[]> Tokens) Generate(PartRole part, int energy, DensityTargets? targets, double strength = GeneratorSettings.DefaultDensitySteering, ulong seed = 3,
                                                                         double feedback = GeneratorSettings.DefaultDensityFeedback, int fromBar = 0)
    {
        var settings = new GeneratorSettings { Seed = seed, DensitySteering = strength, DensityFeedback = feedback };
        using var g = new PartGenerator(TokenModelLoader.Load(fx.ModelPath), fx.Vocabulary, SongFixture.Header(part), settings, null, ownsModel: true, targets);
        int notes = 0, firstHalf = 0;
        var tokens = new List<int[]>();
        for (int i = 0; i < Bars; i++)
        {
            GeneratedBar b = g.Next(Bar(i, energy));
            tokens.Add(b.Tokens.ToArray());
            if (i < fromBar)
                continue;
            int half = b.TimeSignature.TicksPerBar / 2;
            if (part == PartRole.Drums)
            {
                foreach (DrumEvent h in b.Hits)
                    firstHalf += h.Tick < half ? 1 : 0;
                notes += b.Hits.Length;
            }
            else
            {
                foreach (PitchedEvent n in b.Notes)
                    firstHalf += n.Tick < half ? 1 : 0;
                notes += b.Notes.Length;
            }
        }
        return (notes / (double)(Bars - fromBar), firstHalf / (double)(Bars - fromBar), tokens);
    }

    [Theory]
    [InlineData(PartRole.Keys)]
    [InlineData(PartRole.Drums)]
    [InlineData(PartRole.Bass)]
    public void Bars_move_towards_their_levels_figure(PartRole part)
    {
        double free = Notes(part, 2, null).Mean;
        double up = Notes(part, 2, Targets(1, 2, Math.Max(8, 3 * free), 200, 300)).Mean;
        double down = Notes(part, 2, Targets(0.1, 0.2, 0.3, 200, 300)).Mean;
        output.WriteLine($"{part}: {free:0.0} notes a bar unsteered, {up:0.0} asked for {Math.Max(8, 3 * free):0}, {down:0.0} asked for 0.3");

        Assert.True(up > free * 1.3, $"{part}: steering up gave {up:0.0} notes a bar against {free:0.0}");
        Assert.True(down < free * 0.85, $"{part}: steering down gave {down:0.0} notes a bar against {free:0.0}");
    }

    [Theory]
    [InlineData(PartRole.Keys)]
    [InlineData(PartRole.Drums)]
    [InlineData(PartRole.Bass)]
    public void A_bar_behind_its_figure_moves_on_in_smaller_steps(PartRole part)
    {
        // Holding the bar's end back only adds notes after the model would have stopped, which piles them up late in the
        // bar (a third of them or fewer in its first half on this model); steering each next position spreads them.
        var free = Generate(part, 2, null);
        double figure = Math.Max(8, 3 * free.Mean);
        var up = Generate(part, 2, Targets(1, 2, figure, 200, 300));
        output.WriteLine($"{part}: {free.FirstHalf:0.0} of {free.Mean:0.0} notes in the first half unsteered, {up.FirstHalf:0.0} of {up.Mean:0.0} asked for {figure:0}");

        Assert.True(up.FirstHalf > free.FirstHalf * 1.5, $"{part}: {up.FirstHalf:0.0} notes in the first half steered against {free.FirstHalf:0.0}");
        Assert.True(up.FirstHalf >= 0.4 * up.Mean, $"{part}: only {up.FirstHalf:0.0} of {up.Mean:0.0} steered notes in the first half");
    }

    [Theory]
    [InlineData(PartRole.Keys)]
    [InlineData(PartRole.Drums)]
    public void Feedback_steers_a_level_that_keeps_missing_its_figure_further(PartRole part)
    {
        // Gentle steering falls short of a figure well above what the model plays; the feedback moves the set point past
        // it bar by bar, so from the song's ninth bar on the bars come nearer the figure.
        double free = Notes(part, 2, null).Mean;
        double figure = Math.Max(8, 2.5 * free);
        DensityTargets t = Targets(1, 2, figure, 200, 300);
        double alone = Generate(part, 2, t, strength: 0.5, feedback: 0, fromBar: 8).Mean;
        double closed = Generate(part, 2, t, strength: 0.5, fromBar: 8).Mean;
        output.WriteLine($"{part}: {free:0.00} notes a bar unsteered; from bar 8, {alone:0.00} steered to {figure:0.0} without feedback, {closed:0.00} with");

        Assert.True(alone < figure - 1, $"{part}: steering alone nearly met the figure ({alone:0.00} of {figure:0.0}); the case shows nothing");
        Assert.True(closed - alone > 0.25 * (figure - alone), $"{part}: the feedback closed too little of the gap: {closed:0.00} against {alone:0.00}, figure {figure:0.0}");
    }

    [Fact]
    public void Rewriting_rolled_back_bars_gives_the_same_bars_because_the_feedback_comes_back_with_them()
    {
        // Short songs, so the window never slides (a rewrite after a slide sees a shorter context).
        DensityTargets t = Targets(1, 2, 4.5, 200, 300);
        List<int[]> Song(double feedback, bool rollBack)
        {
            var settings = new GeneratorSettings { Seed = 7, DensityFeedback = feedback };
            using var g = new PartGenerator(TokenModelLoader.Load(fx.ModelPath), fx.Vocabulary, SongFixture.Header(PartRole.Keys), settings, null, ownsModel: true, t);
            var bars = new List<int[]>();
            for (int i = 0; i < 10; i++)
                bars.Add(g.Next(Bar(i, 2)).Tokens.ToArray());
            if (rollBack)
            {
                foreach (int depth in new[] { 1, 4 })
                {
                    Assert.True(g.RollBack(depth));
                    for (int i = 10 - depth; i < 10; i++)
                        bars[i] = g.Next(Bar(i, 2)).Tokens.ToArray();
                }
            }
            Assert.Equal(0, g.Stats.Slides);
            return bars;
        }

        List<int[]> unbroken = Song(GeneratorSettings.DefaultDensityFeedback, rollBack: false);
        Assert.Equal(unbroken, Song(GeneratorSettings.DefaultDensityFeedback, rollBack: true));
        Assert.NotEqual(unbroken.Skip(6), Song(0, rollBack: false).Skip(6)); // the feedback shaped the rewritten bars
    }

    [Fact]
    public void Strength_zero_and_no_targets_write_the_same_bars_and_steering_is_deterministic()
    {
        DensityTargets t = Targets(1, 2, 30, 40, 50);
        List<int[]> off = Notes(PartRole.Keys, 2, t, strength: 0).Tokens;
        List<int[]> none = Notes(PartRole.Keys, 2, null).Tokens;
        List<int[]> a = Notes(PartRole.Keys, 2, t).Tokens, b = Notes(PartRole.Keys, 2, t).Tokens;

        Assert.Equal(none, off);
        Assert.Equal(a, b);
        Assert.NotEqual(none, a);
    }

    [Fact]
    public void Steered_bars_allocate_nothing()
    {
        var settings = new GeneratorSettings { Seed = 5 };
        using var g = new PartGenerator(TokenModelLoader.Load(fx.ModelPath), fx.Vocabulary, SongFixture.Header(PartRole.Keys), settings, null,
                                        ownsModel: true, Targets(2, 4, 8, 16, 32));
        for (int i = 0; i < 40; i++) // first pass: every path runs once (JIT)
            g.Next(Bar(i, i % 5));
        g.Restart();
        BarConditioning[] bars = Enumerable.Range(0, 40).Select(i => Bar(i, i % 5)).ToArray(); // made before measuring
        g.Next(bars[0]); // a first bar prefills: not steady state
        int measured = 0;
        for (int i = 1; i < bars.Length; i++)
        {
            long slides = g.Stats.Slides;
            long bytes = ThreadAllocation.Start();
            g.Next(bars[i]);
            bytes = ThreadAllocation.Since(bytes);
            if (g.Stats.Slides != slides)
                continue;
            Assert.True(bytes == 0, $"bar {i} allocated {bytes} bytes");
            measured++;
        }
        Assert.True(measured >= 15, $"only {measured} bars measured");
    }

    [Fact]
    public void The_assets_take_the_targets_beside_the_model_and_refuse_a_damaged_file()
    {
        string model = Path.Combine(_dir, "sideman-9.9.9.onnx");
        File.Copy(fx.ModelPath, model);
        using (GeneratorAssets none = GeneratorAssets.Open(model, fx.VocabPath, null))
            Assert.Null(none.Density);

        string beside = Path.Combine(_dir, "sideman-9.9.9.density.json");
        File.Copy(Targets(1, 2, 3, 4, 5).SourcePath, beside);
        using (GeneratorAssets with = GeneratorAssets.Open(model, fx.VocabPath, null))
            Assert.Equal(beside, with.Density!.SourcePath);

        File.WriteAllText(beside, "{\"format\": \"sideman-density\"");
        var e = Assert.Throws<InvalidDataException>(() => GeneratorAssets.Open(model, fx.VocabPath, null));
        Assert.Contains(beside, e.Message);
    }
}
