using System.Diagnostics;
using System.Globalization;
using Sideman.Model;
using Sideman.Model.Decoding;
using Sideman.Model.Diagnostics;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Cli.Bench;

/// <summary>One part's generation speed.</summary>
public sealed record GeneratorTiming(
    PartRole Part, int Bars, long Tokens, double WallSeconds, double CpuSeconds, double Bpm,
    long Slides, long GuardRejections, double AllocatedBytesPerBar, long MusicalResamples = 0, long MusicalViolationsKept = 0)
{
    /// <summary>Seconds of 4/4 music generated per wall second.</summary>
    public double RealTimeFactor => Bars * 4 * 60.0 / Bpm / WallSeconds;

    public double CpuRealTimeFactor => Bars * 4 * 60.0 / Bpm / CpuSeconds;

    public double BarsPerSecond => Bars / WallSeconds;

    public double MsPerToken => WallSeconds * 1000 / Tokens;
}

/// <summary>
/// Speed of the whole generator (sampling, grammar, guard, sliding window and the model) per part, on
/// the calling thread: bars per second and real-time factor at a given tempo in 4/4, with a chord loop
/// and energy rising over the song. Prints figures for `sideman bench`; never a pass/fail test. [main]
/// </summary>
public static class GeneratorBenchmark
{
    private static readonly BarChord[][] Loop =
    [
        [new(0, new ChordSymbol(0, ChordQuality.Major))],
        [new(0, new ChordSymbol(9, ChordQuality.Minor7))],
        [new(0, new ChordSymbol(5, ChordQuality.Major7)), new(48, new ChordSymbol(7, ChordQuality.Dominant7))],
        [new(0, new ChordSymbol(0, ChordQuality.Major, 4))],
    ];

    public static IReadOnlyList<GeneratorTiming> Measure(GeneratorAssets assets, IReadOnlyList<PartRole> parts, int bars = 64, double bpm = 120, string style = "pop",
                                                         MusicalGuardSettings? musicalGuard = null, ulong seed = 1,
                                                         double densitySteering = GeneratorSettings.DefaultDensitySteering)
    {
        var settings = new GeneratorSettings { Seed = seed, MusicalGuard = musicalGuard ?? MusicalGuardSettings.Default, DensitySteering = densitySteering };
        ArgumentNullException.ThrowIfNull(assets);
        int tempoBucket = assets.Vocabulary.TempoBucket(bpm);
        var conditioning = new BarConditioning[bars];
        SectionKind[] sections = [SectionKind.Verse, SectionKind.Verse, SectionKind.Chorus, SectionKind.Bridge];
        for (int i = 0; i < bars; i++)
            conditioning[i] = new BarConditioning(i, TimeSignature.FourFour, i % 8 == 7 ? SectionKind.Fill : sections[i / 8 % 4], 1 + i * 4 / (bars + 1), Loop[i % Loop.Length]);

        var results = new List<GeneratorTiming>();
        foreach (PartRole part in parts)
        {
            using PartGenerator g = assets.CreatePart(PartHeader.Create(style, part, 0, tempoBucket), settings);
            for (int i = 0; i < Math.Min(4, bars); i++) // warm-up: JIT, first-bar prefill
                g.Next(conditioning[i]);
            g.Restart();
            GenerationStats before = g.Stats;
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            double cpu0 = ThreadCpuClock.NowMs();
            long t0 = Stopwatch.GetTimestamp();
            foreach (BarConditioning bar in conditioning)
                g.Next(bar);
            double wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            double cpu = (ThreadCpuClock.NowMs() - cpu0) / 1000;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            GenerationStats s = g.Stats;
            results.Add(new GeneratorTiming(part, bars, s.SampledTokens + s.ForcedTokens - before.SampledTokens - before.ForcedTokens,
                wall, cpu, bpm, s.Slides - before.Slides, s.GuardRejections - before.GuardRejections, (double)allocated / bars,
                s.MusicalResamples - before.MusicalResamples, s.MusicalViolationsKept - before.MusicalViolationsKept));
        }
        return results;
    }

    /// <summary>Loads the files with one ONNX Runtime thread and prints one line per part. [main]</summary>
    public static void Run(string modelPath, string vocabPath, string? indexPath, TextWriter output, int bars = 64, double bpm = 120, ulong seed = 1)
    {
        long t0 = Stopwatch.GetTimestamp();
        using GeneratorAssets assets = GeneratorAssets.Open(modelPath, vocabPath, indexPath, new TokenModelOptions { IntraOpThreads = 1 });
        double loadMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generator: {bars} bars per part at {bpm:0} BPM in 4/4 (one bar = {4 * 60 / bpm:0.00} s), seed {seed}, originality guard {(indexPath is null ? "off" : "on (" + Path.GetFileName(indexPath) + $", {assets.Index!.Count:N0} pairs)")}, 1 thread; " +
            $"model + vocab + index loaded in {loadMs:0} ms"));
        output.WriteLine("part    tokens  bars/s  real-time x  (CPU)  ms/token  slides  copies rejected  musical resampled  kept broken  alloc B/bar");
        PartRole[] parts = [PartRole.Drums, PartRole.Bass, PartRole.Keys, PartRole.Pad, PartRole.Arp];
        // The musical guard's cost: the same parts with it off and on, alternating twice, so both see the same machine state.
        double cpuOff = 0, cpuOn = 0, cpuUnsteered = 0;
        long tokensOff = 0, tokensOn = 0, tokensUnsteered = 0;
        IReadOnlyList<GeneratorTiming> on = [];
        for (int round = 0; round < 2; round++)
        {
            IReadOnlyList<GeneratorTiming> off = Measure(assets, parts, bars, bpm, musicalGuard: MusicalGuardSettings.Off, seed: seed);
            on = Measure(assets, parts, bars, bpm, seed: seed);
            IReadOnlyList<GeneratorTiming> unsteered = Measure(assets, parts, bars, bpm, seed: seed, densitySteering: 0);
            cpuUnsteered += unsteered.Sum(t => t.CpuSeconds);
            tokensUnsteered += unsteered.Sum(t => t.Tokens);
            cpuOff += off.Sum(t => t.CpuSeconds);
            cpuOn += on.Sum(t => t.CpuSeconds);
            tokensOff += off.Sum(t => t.Tokens);
            tokensOn += on.Sum(t => t.Tokens);
        }
        foreach (GeneratorTiming t in on)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{PartRoles.Name(t.Part),-6} {t.Tokens,7} {t.BarsPerSecond,7:0.0} {t.RealTimeFactor,12:0.0} {t.CpuRealTimeFactor,6:0.0} {t.MsPerToken,9:0.000} {t.Slides,7} {t.GuardRejections,16} {t.MusicalResamples,18} {t.MusicalViolationsKept,12} {t.AllocatedBytesPerBar,12:0.0}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"musical guard, all parts, off / on alternating twice: {cpuOff:0.00} / {cpuOn:0.00} s CPU ({(cpuOn / cpuOff - 1) * 100:+0.0;-0.0} %), " +
            $"{tokensOff} / {tokensOn} tokens sampled or forced ({((double)tokensOn / tokensOff - 1) * 100:+0.0;-0.0} %)"));
        output.WriteLine(assets.Density is null ? "density steering: no targets beside the model (off)" : string.Create(CultureInfo.InvariantCulture,
            $"density steering (strength {GeneratorSettings.DefaultDensitySteering:0.##}), all parts, guard on, off / on: {cpuUnsteered:0.00} / {cpuOn:0.00} s CPU " +
            $"({(cpuOn / cpuUnsteered - 1) * 100:+0.0;-0.0} %), {tokensUnsteered} / {tokensOn} tokens ({((double)tokensOn / tokensUnsteered - 1) * 100:+0.0;-0.0} %)"));
    }
}
