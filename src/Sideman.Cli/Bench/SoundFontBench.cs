using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sideman.Synth.SoundFont;

namespace Sideman.Cli.Bench;

/// <summary>One measured configuration: voices sounding, block size and the time per block.</summary>
public sealed record VoiceBenchRow(int RequestedVoices, int ActiveVoices, int BlockSize, double SampleRate,
    double MeanMicros, double P50Micros, double P99Micros, double MaxMicros, long AllocatedBytes)
{
    public double PeriodMicros => BlockSize / SampleRate * 1e6;
}

/// <summary>The bench's figures: bank size, load time, render cost per block.</summary>
public sealed record SoundFontBenchResult(string Path, long Bytes, double FirstLoadMs, double MedianLoadMs,
    int Presets, int Samples, IReadOnlyList<VoiceBenchRow> Rows);

/// <summary>
/// Measures the SoundFont player: how long the bank takes to load, and the CPU time per block
/// with a given number of voices sounding (sustained notes spread over bass, organ, strings and
/// saw lead, with reverb and chorus sends on). Prints figures; asserts nothing. `sideman bench`
/// and `sideman soundfont-subset --bench` call it.
/// </summary>
public static class SoundFontBench
{
    /// <summary>Runs the bench on a bank file. [main]</summary>
    public static SoundFontBenchResult Run(string soundFontPath, IReadOnlyList<int> voiceCounts, int blockSize = 128,
        double sampleRate = 48_000, double seconds = 5)
    {
        long bytes = new FileInfo(soundFontPath).Length;
        var loads = new List<double>();
        SoundFontBank? bank = null;
        for (int i = 0; i < 5; i++)
        {
            bank = SoundFontBank.Load(soundFontPath, out var elapsed);
            loads.Add(elapsed.TotalMilliseconds);
        }
        double first = loads[0];
        loads.Sort();
        var rows = new List<VoiceBenchRow>();
        foreach (int voices in voiceCounts) rows.Add(Measure(bank!, voices, blockSize, sampleRate, seconds));
        return new SoundFontBenchResult(soundFontPath, bytes, first, loads[loads.Count / 2], bank!.Presets.Count,
            bank.File.Samples.Count, rows);
    }

    /// <summary>The figures as text lines for a terminal or a report. [main]</summary>
    public static string Format(SoundFontBenchResult r)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(string.Create(c, $"SoundFont {r.Path}: {r.Bytes / 1048576.0:0.0} MiB ({r.Bytes} bytes), {r.Presets} presets, {r.Samples} samples"));
        s.AppendLine(string.Create(c, $"load: first {r.FirstLoadMs:0.0} ms, median of 5 {r.MedianLoadMs:0.0} ms"));
        s.AppendLine(string.Create(c, $"{"voices",7} {"block",6} {"period",9} {"mean",9} {"p50",9} {"p99",9} {"max",9} {"mean %",7} {"p99 %",7} {"us/voice",8} {"alloc B",8}"));
        foreach (var row in r.Rows)
        {
            s.AppendLine(string.Create(c,
                $"{row.ActiveVoices,7} {row.BlockSize,6} {row.PeriodMicros,7:0.0}us {row.MeanMicros,7:0.0}us {row.P50Micros,7:0.0}us {row.P99Micros,7:0.0}us {row.MaxMicros,7:0.0}us {100 * row.MeanMicros / row.PeriodMicros,6:0.00}% {100 * row.P99Micros / row.PeriodMicros,6:0.00}% {row.MeanMicros / Math.Max(1, row.ActiveVoices),8:0.00} {row.AllocatedBytes,8}"));
        }
        return s.ToString();
    }

    private static VoiceBenchRow Measure(SoundFontBank bank, int voices, int blockSize, double sampleRate, double seconds)
    {
        var band = new BandSynth();
        band.Prepare(sampleRate, blockSize);
        band.SetBank(bank, new StylePresets("bench", new PresetAddress(128, 0), new PresetAddress(0, 33),
            new PresetAddress(0, 16), new PresetAddress(0, 48), new PresetAddress(0, 81)));
        band[BandPart.Keys].ReverbSend = 0.3f;
        band[BandPart.Pad].ReverbSend = 0.4f;
        band[BandPart.Pad].ChorusSend = 0.3f;
        band[BandPart.Arp].ChorusSend = 0.3f;
        var left = new float[blockSize];
        var right = new float[blockSize];

        // Add sustained notes part by part until the band holds the requested number of voices.
        BandPart[] parts = { BandPart.Pad, BandPart.Keys, BandPart.Arp, BandPart.Bass };
        int note = 0;
        while (band.ActiveVoiceCount < voices && note < 400)
        {
            var part = parts[note % parts.Length];
            int key = (part == BandPart.Bass ? 28 : 48) + note / parts.Length * 2 % 40;
            band[part].NoteOn(0, key, 100);
            band.Render(left, right);
            note++;
        }

        int warmUp = (int)(sampleRate / blockSize);
        for (int i = 0; i < warmUp; i++) band.Render(left, right);
        int blocks = Math.Max(1, (int)(seconds * sampleRate / blockSize));
        var ticks = new long[blocks];
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < blocks; i++)
        {
            long start = Stopwatch.GetTimestamp();
            band.Render(left, right);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        int active = band.ActiveVoiceCount;
        Array.Sort(ticks);
        double us = 1e6 / Stopwatch.Frequency;
        return new VoiceBenchRow(voices, active, blockSize, sampleRate, ticks.Average() * us, ticks[blocks / 2] * us,
            ticks[Math.Min(blocks - 1, (int)(blocks * 0.99))] * us, ticks[^1] * us, allocated);
    }
}
