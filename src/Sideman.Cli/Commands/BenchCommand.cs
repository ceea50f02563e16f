using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Sideman.Cli.Bench;
using Sideman.Engine;
using Sideman.Engine.Processing;
using Sideman.Model;
using Sideman.Model.Decoding;
using Sideman.Model.Diagnostics;
using Sideman.Model.Originality;
using Sideman.Model.Tokens;
using Sideman.Music.Midi;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Cli.Commands;

/// <summary>
/// <c>sideman bench</c>: the engine's process() time per block, in-process, with voices held. Prints
/// mean, p50, p99 and max wall time per block and as a share of the block's real-time period, plus the
/// thread's mean CPU time per block (immune to other processes taking turns on a shared machine).
/// With a model (--model, or the newest models/sideman-*.onnx), it then times the model: ms per token at
/// 128 and 512 tokens of context on one core, and the whole part generator's bars per second and
/// real-time factor per part, with the musical guard off and on (alternating in one run).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var blocks = new Option<int[]>("--blocks") { Description = "Block sizes to measure.", DefaultValueFactory = _ => [64, 128, 512], AllowMultipleArgumentsPerToken = true };
        var voices = new Option<int>("--voices") { Description = "Notes held while measuring.", DefaultValueFactory = _ => 8 };
        var rate = new Option<double>("--sample-rate") { Description = "Sample rate in Hz.", DefaultValueFactory = _ => 48000 };
        var seconds = new Option<double>("--seconds") { Description = "Audio rendered per block size (after 2 s of warm-up).", DefaultValueFactory = _ => 20 };
        var automate = new Option<bool>("--automate") { Description = "Also send a master-volume change in every block." };
        var doubles = new Option<bool>("--double") { Description = "Render 64-bit output instead of 32-bit." };
        var model = new Option<string?>("--model") { Description = "Model file to time (default: the newest models/sideman-*.onnx, if any)." };
        var vocab = new Option<string?>("--vocab") { Description = "vocab.json for the generator (default: models/vocab.json)." };
        var index = new Option<string?>("--index") { Description = "Originality index for the generator (default: the model's .fingerprints file, if any)." };
        var modelBars = new Option<int>("--model-bars") { Description = "Bars generated per part when timing the generator.", DefaultValueFactory = _ => 64 };
        var modelSeed = new Option<ulong>("--model-seed") { Description = "Seed of the generator's timing run.", DefaultValueFactory = _ => 1 };
        var sweepBars = new Option<int>("--sweep-bars") { Description = "Bars per style and energy level in the energy sweep (0 skips it).", DefaultValueFactory = _ => 8 };
        var modelOnly = new Option<bool>("--model-only") { Description = "Time only the model and the generator, not the engine." };
        var noModel = new Option<bool>("--no-model") { Description = "Time only the engine." };
        var band = new Option<bool>("--band") { Description = "Also measure the live band: generation speed, response, audio thread with the generator busy, memory." };
        var bandOnly = new Option<bool>("--band-only") { Description = "Measure only the live band." };
        var bandSeconds = new Option<double>("--band-seconds") { Description = "Audio rendered for the audio-thread figures of --band.", DefaultValueFactory = _ => 600 };
        var bandBars = new Option<int>("--band-bars") { Description = "Bars per part for the generation figures of --band.", DefaultValueFactory = _ => 32 };
        var instances = new Option<int>("--instances") { Description = "Plugin instances for the memory figures of --band.", DefaultValueFactory = _ => 8 };
        var sounds = new Option<string?>("--sounds") { Description = "The bundled SoundFont for --band (default: the build's build/sounds/sideman-gm.sf2)." };
        var command = new Command("bench", "Measure the engine's process() time per block (in-process, no host), then the model and the generator.")
        {
            blocks, voices, rate, seconds, automate, doubles, model, vocab, index, modelBars, modelSeed, sweepBars, modelOnly, noModel,
            band, bandOnly, bandSeconds, bandBars, instances, sounds,
        };
        command.SetAction(result =>
        {
            int voiceCount = result.GetValue(voices);
            double sampleRate = result.GetValue(rate);
            double duration = result.GetValue(seconds);
            SampleFormat format = result.GetValue(doubles) ? SampleFormat.Float64 : SampleFormat.Float32;
            if (voiceCount is < 0 or > 128 || !(sampleRate >= 8000 && sampleRate <= 384000) || !(duration > 0))
            {
                Console.Error.WriteLine("bench: --voices must be 0..128, --sample-rate 8000..384000 and --seconds positive.");
                return 2;
            }
            Console.WriteLine($"Sideman engine bench: {sampleRate:0} Hz, {voiceCount} voices held, {(format == SampleFormat.Float32 ? "32" : "64")}-bit output, " +
                              $"{duration:0.#} s per size{(result.GetValue(automate) ? ", volume automation every block" : "")}");
            // As in the plugin once a processor is active.
            System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;
            Console.WriteLine($".NET {Environment.Version}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, " +
                              $"GC latency mode {System.Runtime.GCSettings.LatencyMode}, concurrent GC {AppContext.GetData("System.GC.Concurrent") ?? "default"}");
            Console.WriteLine();
            if (result.GetValue(bandOnly))
                return RunBand(result.GetValue(sounds), result.GetValue(bandSeconds), result.GetValue(bandBars), result.GetValue(instances));
            if (result.GetValue(modelOnly))
                return BenchModel(result.GetValue(model), result.GetValue(vocab), result.GetValue(index), result.GetValue(modelBars), result.GetValue(modelSeed), result.GetValue(sweepBars), required: true);
            Console.WriteLine($"{"block",6} {"period",9} {"mean",9} {"p50",9} {"p99",9} {"max",9} {"mean %",7} {"p99 %",7} {"max %",7} {"voices",6} {"alloc B",8} {"cpu mean",9}");
            foreach (int size in result.GetValue(blocks) ?? [64, 128, 512])
            {
                if (size is < 1 or > 8192)
                {
                    Console.Error.WriteLine($"bench: block size {size} is outside 1..8192.");
                    return 2;
                }
                Measure(size, voiceCount, sampleRate, duration, format, result.GetValue(automate));
            }
            int status = result.GetValue(noModel) ? 0
                : BenchModel(result.GetValue(model), result.GetValue(vocab), result.GetValue(index), result.GetValue(modelBars), result.GetValue(modelSeed), result.GetValue(sweepBars), required: result.GetValue(model) is not null);
            if (status != 0 || !result.GetValue(band))
                return status;
            Console.WriteLine();
            return RunBand(result.GetValue(sounds), result.GetValue(bandSeconds), result.GetValue(bandBars), result.GetValue(instances));
        });
        return command;
    }

    private static int RunBand(string? sounds, double seconds, int bars, int instances)
    {
        if (!(seconds > 0) || bars is < 1 or > 10_000 || instances is < 1 or > 64)
        {
            Console.Error.WriteLine("bench: --band-seconds must be positive, --band-bars 1..10000 and --instances 1..64.");
            return 2;
        }
        try
        {
            return BandBench.Run(sounds ?? RenderCommand.DefaultSoundFont(), seconds, bars, instances);
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or AggregateException)
        {
            Console.Error.WriteLine($"bench: the band cannot be measured: {(e is AggregateException { InnerException: { } inner } ? inner.Message : e.Message)}");
            return 1;
        }
    }

    /// <summary>The model's ms/token at 128 and 512 context, the generator's speed per part and the energy sweep; skipped with a note when no model is found.</summary>
    private static int BenchModel(string? modelPath, string? vocabPath, string? indexPath, int bars, ulong seed, int sweepBars, bool required)
    {
        DefaultModelFiles defaults = DefaultModelFiles.Locate();
        indexPath ??= defaults.IndexFor(modelPath);
        modelPath ??= defaults.ModelPath;
        vocabPath ??= defaults.VocabPath;
        Console.WriteLine();
        if (modelPath is null || vocabPath is null)
        {
            Console.WriteLine("model: none found (no models/sideman-*.onnx); pass --model FILE to time one.");
            return required ? 2 : 0;
        }
        if (bars is < 1 or > 100_000 || sweepBars is < 0 or > 10_000)
        {
            Console.Error.WriteLine("bench: --model-bars must be 1..100000 and --sweep-bars 0..10000.");
            return 2;
        }
        try
        {
            TokenModelBenchmark.Run(modelPath, Console.Out);
            Console.WriteLine();
            GeneratorBenchmark.Run(modelPath, vocabPath, indexPath, Console.Out, bars, seed: seed);
            if (sweepBars > 0)
            {
                Console.WriteLine();
                using GeneratorAssets assets = GeneratorAssets.Open(modelPath, vocabPath, indexPath, new TokenModelOptions { IntraOpThreads = 1 });
                PartRole[] parts = [PartRole.Drums, PartRole.Bass, PartRole.Keys, PartRole.Pad, PartRole.Arp];
                EnergySweep.Write(EnergySweep.Measure(assets, parts, barsPerLevel: sweepBars), sweepBars, EnergySweep.DefaultStyles.Length, Console.Out);
            }
            return 0;
        }
        catch (Exception e) when (e is ModelException or VocabularyException or OriginalityIndexException or InvalidDataException)
        {
            Console.Error.WriteLine($"bench: {e.Message}");
            return 1;
        }
    }

    private static unsafe void Measure(int blockSize, int voiceCount, double sampleRate, double seconds, SampleFormat format, bool automate)
    {
        var engine = new SidemanEngine();
        engine.Configure(new EngineSetup(sampleRate, blockSize));
        engine.SetActive(true);

        int bytesPerSample = format == SampleFormat.Float32 ? 4 : 8;
        void* left = NativeMemory.AllocZeroed((nuint)(blockSize * bytesPerSample));
        void* right = NativeMemory.AllocZeroed((nuint)(blockSize * bytesPerSample));
        void** channels = (void**)NativeMemory.Alloc((nuint)(2 * sizeof(void*)));
        channels[0] = left;
        channels[1] = right;
        var buses = new OutputBus[6];
        buses[0] = new OutputBus(channels, 2, true);
        for (int b = 1; b < buses.Length; b++)
            buses[b] = new OutputBus(null, 2, false);
        var outEvents = new MidiEvent[512];
        // A spread chord, held: voices stay in their sustain stage for the whole run.
        var chord = new MidiEvent[voiceCount];
        for (int v = 0; v < voiceCount; v++)
            chord[v] = MidiEvent.NoteOn(0, 36 + v * 5 % 48, 0.8f);
        var point = new ParameterPoint[1];

        int warmUpBlocks = (int)(2 * sampleRate / blockSize);
        int measuredBlocks = Math.Max(1, (int)(seconds * sampleRate / blockSize));
        var ticks = new long[measuredBlocks];
        long allocatedBefore = 0;
        int gcBefore = 0;
        double? cpuBefore = null;
        for (int i = -warmUpBlocks; i < measuredBlocks; i++)
        {
            if (i == 0)
            {
                cpuBefore = ThreadCpuClock.NowMicroseconds(); // before the allocation mark: its first call may allocate
                allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                gcBefore = GC.CollectionCount(0);
            }
            point[0] = new ParameterPoint(EngineParameters.MasterVolume.Id, blockSize / 2, 0.75 + 0.04 * (i & 1));
            var block = new ProcessBlock
            {
                SampleCount = blockSize,
                Format = format,
                Outputs = buses,
                Events = i == -warmUpBlocks ? chord : default,
                ParameterPoints = automate ? point : default,
                Transport = TransportInfo.Playing(120, (i + warmUpBlocks) * (double)blockSize / (sampleRate / 2), TimeSignature.FourFour, sampleRate),
                OutEvents = outEvents,
            };
            long start = Stopwatch.GetTimestamp();
            engine.Process(ref block);
            long end = Stopwatch.GetTimestamp();
            if (i >= 0)
                ticks[i] = end - start;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        double? cpuAfter = ThreadCpuClock.NowMicroseconds();
        int collections = GC.CollectionCount(0) - gcBefore;
        int sounding = engine.ActiveVoiceCount;

        NativeMemory.Free(left);
        NativeMemory.Free(right);
        NativeMemory.Free(channels);

        Array.Sort(ticks);
        double toMicros = 1e6 / Stopwatch.Frequency;
        double mean = ticks.Average() * toMicros;
        double p50 = ticks[ticks.Length / 2] * toMicros;
        double p99 = ticks[Math.Min(ticks.Length - 1, (int)(ticks.Length * 0.99))] * toMicros;
        double max = ticks[^1] * toMicros;
        double period = blockSize / sampleRate * 1e6;
        // Thread CPU time over the whole measured run (includes the loop around Process, a few percent).
        double cpuMean = cpuBefore is double cpuStart && cpuAfter is double cpuEnd ? (cpuEnd - cpuStart) / measuredBlocks : double.NaN;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{blockSize,6} {period,7:0.0}us {mean,7:0.0}us {p50,7:0.0}us {p99,7:0.0}us {max,7:0.0}us {100 * mean / period,6:0.00}% {100 * p99 / period,6:0.00}% {100 * max / period,6:0.00}% {sounding,6} {allocated,8} {cpuMean,7:0.0}us{(collections > 0 ? $"  ({collections} GCs)" : "")}"));
    }
}
