using System.Runtime.InteropServices;
using Sideman.Engine;
using Sideman.Engine.Processing;
using Sideman.Engine.State;
using Sideman.Music.Midi;
using Sideman.Plugin;
using Sideman.Synth.SoundFont;

namespace Sideman.Cli.Rendering;

/// <summary>
/// Renders a <see cref="RenderJob"/> through the plugin exactly as a host bounces it: a <see cref="SidemanProcessor"/>
/// (the same engine, band and generator a DAW loads) set up in offline mode with every stem bus active, fed the
/// player's events and a playing transport block by block. Offline mode waits for every bar, so the same job gives
/// the same result every time. [main]
/// </summary>
internal static class PluginRender
{
    /// <summary>Renders; throws <see cref="InvalidOperationException"/> with the reason when the plugin cannot play the band.</summary>
    public static RenderResult Run(RenderJob job, Action<long, long>? progress = null)
    {
        if (!File.Exists(job.SoundFontPath))
            throw new FileNotFoundException($"the band's sounds {job.SoundFontPath} are missing: build them with installer/build-bundle.sh or pass --sounds FILE");
        var processor = new SidemanProcessor(bundledSoundFont: job.SoundFontPath);
        try
        {
            processor.Setup(new EngineSetup(job.SampleRate, job.BlockSize, ProcessMode.Offline));
            double[] values = EngineParameters.All.CreateDefaultPlainValues();
            foreach (var (parameter, plain) in job.Settings)
                values[parameter.Index] = plain;
            processor.Engine.PublishSettings(new SettingsSnapshot(EngineParameters.All, values));
            if (job.Chart is not null && !processor.SetChart(job.Chart, out string? problem))
                throw new FormatException(problem);
            processor.SetActive(true);
            if (processor.BandProblem is { } bandProblem)
                throw new InvalidOperationException(bandProblem);
            if (processor.Engine.Sounds.BundledBank is null)
                throw new InvalidOperationException($"the band's sounds could not be loaded: {processor.SoundStatus.Text}");
            return Render(processor, job, progress);
        }
        finally
        {
            processor.SetActive(false);
            processor.Dispose();
        }
    }

    private static RenderResult Render(SidemanProcessor processor, RenderJob job, Action<long, long>? progress)
    {
        long total = job.TotalSamples;
        var mix = new[] { new float[total], new float[total] };
        var stems = new float[BandSynth.PartCount][][];
        for (int p = 0; p < stems.Length; p++)
            stems[p] = [new float[total], new float[total]];
        var output = new List<(long, MidiEvent)>();
        var blockEvents = new List<MidiEvent>();
        using var driver = new ProcessorDriver(processor, job.BlockSize);
        int next = 0;
        for (long start = 0; start < total; start += job.BlockSize)
        {
            int n = (int)Math.Min(job.BlockSize, total - start);
            blockEvents.Clear();
            while (next < job.Input.Count && job.Input[next].Sample < start + n)
            {
                MidiEvent e = job.Input[next].Event;
                e.SampleOffset = (int)Math.Max(0, job.Input[next++].Sample - start);
                blockEvents.Add(e);
            }
            driver.Process(n, CollectionsMarshal.AsSpan(blockEvents), ProcessMode.Offline,
                Music.Time.TransportInfo.Playing(job.Tempo, start / job.SamplesPerQuarter, job.Signature, job.SampleRate));
            foreach (MidiEvent e in driver.OutEvents)
                output.Add((start + e.SampleOffset, e));
            Copy(driver, 0, mix, start, n);
            for (int p = 0; p < stems.Length; p++)
                Copy(driver, 1 + p, stems[p], start, n);
            progress?.Invoke(start + n, total);
        }
        var band = processor.Band;
        return new RenderResult
        {
            Mix = mix,
            Stems = stems,
            Output = output,
            LateBars = band?.Performer.LateBars ?? 0,
            OfflineTimeouts = band?.Performer.OfflineTimeouts ?? 0,
            BarsWritten = band?.Worker.BarsWritten ?? 0,
        };
    }

    private static void Copy(ProcessorDriver driver, int bus, float[][] into, long start, int n)
    {
        for (int c = 0; c < 2; c++)
            driver.Output(bus, c, n).CopyTo(into[c].AsSpan((int)start, n));
    }
}
