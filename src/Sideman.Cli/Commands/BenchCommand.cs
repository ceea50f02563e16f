using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Sideman.Engine;
using Sideman.Engine.Processing;
using Sideman.Music.Midi;
using Sideman.Music.Time;

namespace Sideman.Cli.Commands;

/// <summary>
/// <c>sideman bench</c>: the engine's process() time per block, in-process, with voices held. Prints
/// mean, p99 and max per block and as a share of the block's real-time period.
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
        var command = new Command("bench", "Measure the engine's process() time per block (in-process, no host).")
        {
            blocks, voices, rate, seconds, automate, doubles,
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
            Console.WriteLine($"{"block",6} {"period",9} {"mean",9} {"p50",9} {"p99",9} {"max",9} {"mean %",7} {"p99 %",7} {"max %",7} {"voices",6} {"alloc B",8}");
            foreach (int size in result.GetValue(blocks) ?? [64, 128, 512])
            {
                if (size is < 1 or > 8192)
                {
                    Console.Error.WriteLine($"bench: block size {size} is outside 1..8192.");
                    return 2;
                }
                Measure(size, voiceCount, sampleRate, duration, format, result.GetValue(automate));
            }
            return 0;
        });
        return command;
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
        for (int i = -warmUpBlocks; i < measuredBlocks; i++)
        {
            if (i == 0)
            {
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{blockSize,6} {period,7:0.0}us {mean,7:0.0}us {p50,7:0.0}us {p99,7:0.0}us {max,7:0.0}us {100 * mean / period,6:0.00}% {100 * p99 / period,6:0.00}% {100 * max / period,6:0.00}% {sounding,6} {allocated,8}{(collections > 0 ? $"  ({collections} GCs)" : "")}"));
    }
}
