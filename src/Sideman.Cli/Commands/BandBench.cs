using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Sideman.Cli.Rendering;
using Sideman.Engine;
using Sideman.Engine.Live;
using Sideman.Engine.Processing;
using Sideman.Model.Decoding;
using Sideman.Model.Diagnostics;
using Sideman.Music.Midi;
using Sideman.Music.Patterns;
using Sideman.Music.Time;
using Sideman.Plugin;
using Sideman.Synth.SoundFont;

namespace Sideman.Cli.Commands;

/// <summary>
/// <c>sideman bench --band</c>: the live band's figures. Generation speed of all five parts on one thread (real-time
/// factor, ms per token); response from a chord's note-on to the band's first note of it; the audio thread's cost per
/// block with the whole band playing while the generator works, its worst block and the longest GC pause; and memory
/// per plugin instance, alone and with eight in one process.
/// </summary>
internal static class BandBench
{
    private const double Rate = 48000, Tempo = 120;
    private static readonly int[][] Loop = [[48, 60, 64, 67], [45, 57, 60, 64], [41, 53, 57, 60], [43, 55, 59, 62, 65]];
    private static readonly int[][] LoopClasses = [[0, 4, 7], [9, 0, 4], [5, 9, 0], [7, 11, 2, 5]];

    public static int Run(string soundFont, double audioSeconds, int bars, int instances)
    {
        Console.WriteLine($"Live band bench: {Rate:0} Hz, {Tempo:0} BPM, 4/4; model {SharedBandModel.Load().Result.ModelInfo.Path}");
        Generation(bars);
        Response(soundFont);
        AudioThread(soundFont, audioSeconds);
        Memory(soundFont, instances);
        return 0;
    }

    /// <summary>
    /// All five parts written one after the other on this thread, as the generator worker does: with the musical guard
    /// off and on (default settings), twice each, alternating, so both see the same machine state.
    /// </summary>
    private static void Generation(int bars)
    {
        Console.WriteLine();
        Console.WriteLine($"Generation: {bars} bars x 5 parts, one thread (ONNX Runtime with 1 intra-op thread), pop, a four-chord loop; musical guard off / on, alternating");
        var cpu = new double[2];
        Generate(4, MusicalGuardSettings.Off); // warm-up (JIT, caches), not counted
        Generate(4, MusicalGuardSettings.Default);
        foreach (int round in (int[])[0, 1])
        {
            foreach (bool guard in (bool[])[false, true])
            {
                GenerationRun run = Generate(bars, guard ? MusicalGuardSettings.Default : MusicalGuardSettings.Off);
                cpu[guard ? 1 : 0] += run.Cpu;
                double audio = bars * 4 * 60 / Tempo;
                GenerationStats s = run.Stats;
                string counters = guard
                    ? $"; musical guard: {s.MusicalChecks} checks, rejected {s.BeatOneRejections} beat one / {s.StrongBeatRejections} strong beat / {s.OutOfKeyRejections} out of key, " +
                      $"{s.MusicalResamples} resampled ({s.MusicalStoppedEarly} stopped early), {s.MusicalRefeeds} refed, {s.BeatOneRepairs} beat ones repaired, {s.KeyRepairs} notes moved into the key, {s.MusicalViolationsKept} kept with a break"
                    : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  guard {(guard ? "on " : "off")}: {audio:0.0} s of music in {run.Cpu:0.00} s CPU ({run.Wall:0.00} s wall): {audio / run.Cpu:0.0}x real time for the whole band; " +
                    $"{run.Tokens} tokens, {run.Cpu * 1000 / run.Tokens:0.000} ms per token (all parts, including sampling, grammar mask and guards){counters}"));
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  the musical guard costs {(cpu[1] / cpu[0] - 1) * 100:0.0} % more CPU per second of music (both rounds summed)"));
    }

    private readonly record struct GenerationRun(double Cpu, double Wall, long Tokens, GenerationStats Stats);

    private static GenerationRun Generate(int bars, MusicalGuardSettings guard)
    {
        using var composer = new ModelComposer(SharedBandModel.Load().Result, guard);
        var snapshot = new BarSnapshot[BandSynth.PartCount];
        for (int p = 0; p < snapshot.Length; p++)
            snapshot[p] = new BarSnapshot((BandPart)p, composer.MaxEventsPerBar);
        BarRequest request = default;
        request.Signature = TimeSignature.FourFour;
        request.Section = SectionKind.Verse;
        request.Energy = 2;
        request.Seed = 1;
        request.Temperature = 1;
        request.TempoBucket = composer.TempoBucket(Tempo);
        request.ChordCount = 1;
        double cpu0 = ThreadCpuClock.NowMicroseconds() ?? 0;
        long wall0 = Stopwatch.GetTimestamp();
        for (int b = 0; b < bars; b++)
        {
            request.Bar = b;
            int[] pcs = LoopClasses[b % 4];
            request.Chords[0] = new BarChord(0, new ChordSymbol(pcs[0], b % 4 == 1 ? ChordQuality.Minor : b % 4 == 3 ? ChordQuality.Dominant7 : ChordQuality.Major));
            for (int p = 0; p < snapshot.Length; p++)
                composer.Write((BandPart)p, request, 1, snapshot[p]);
        }
        double cpu = ((ThreadCpuClock.NowMicroseconds() ?? 0) - cpu0) / 1e6;
        double wall = Stopwatch.GetElapsedTime(wall0).TotalSeconds;
        long tokens = 0;
        GenerationStats sum = default;
        for (int p = 0; p < snapshot.Length; p++)
        {
            GenerationStats s = composer.Stats((BandPart)p)!.Value;
            tokens += s.SampledTokens + s.ForcedTokens;
            sum = sum with
            {
                MusicalChecks = sum.MusicalChecks + s.MusicalChecks,
                BeatOneRejections = sum.BeatOneRejections + s.BeatOneRejections,
                StrongBeatRejections = sum.StrongBeatRejections + s.StrongBeatRejections,
                OutOfKeyRejections = sum.OutOfKeyRejections + s.OutOfKeyRejections,
                MusicalResamples = sum.MusicalResamples + s.MusicalResamples,
                MusicalRefeeds = sum.MusicalRefeeds + s.MusicalRefeeds,
                MusicalViolationsKept = sum.MusicalViolationsKept + s.MusicalViolationsKept,
                MusicalStoppedEarly = sum.MusicalStoppedEarly + s.MusicalStoppedEarly,
                BeatOneRepairs = sum.BeatOneRepairs + s.BeatOneRepairs,
                KeyRepairs = sum.KeyRepairs + s.KeyRepairs,
            };
        }
        return new GenerationRun(cpu, wall, tokens, sum);
    }

    /// <summary>Chord changes at random samples; how long until each part sounds a note of the new chord.</summary>
    private static void Response(string soundFont)
    {
        Console.WriteLine();
        Console.WriteLine("Response: a new chord at a random sample of a 128-sample block, realtime; delay to each part's first note of it");
        using var session = BandSession.Start(soundFont, 128, ProcessMode.Realtime);
        var rng = new Random(7);
        var delays = new List<long>[BandSynth.PartCount];
        for (int p = 0; p < delays.Length; p++)
            delays[p] = [];
        int sameBlock = 0, changes = 0;
        long bar = (long)(4 * Rate * 60 / Tempo);
        // Let the generator prepare while stopped, then play 32 bars with a change in the middle of each.
        session.Stopped(Loop[0], 4096);
        for (int b = 0; b < 32; b++)
        {
            int[] chord = Loop[(b + 1) % 4];
            long at = b * bar + bar / 4 + rng.Next(0, (int)(bar / 2));
            var pending = new List<(long At, int[] Classes)> { (at, LoopClasses[(b + 1) % 4]) };
            session.Play(bar, chord, at, out List<(long Sample, MidiEvent Event)> output);
            changes++;
            long blockEnd = (at / 128 + 1) * 128;
            bool heardInBlock = false;
            for (int p = 1; p < BandSynth.PartCount; p++)
            {
                int channel = Sideman.Engine.Band.MidiChannelRouting.ChannelOf((BandPart)p);
                var first = output.FirstOrDefault(o => o.Sample >= at && o.Event.Channel == channel && o.Event.Kind == MidiEventKind.NoteOn
                                                       && pending[0].Classes.Contains(o.Event.Key % 12));
                if (first.Event.Kind != MidiEventKind.NoteOn)
                    continue;
                delays[p].Add(first.Sample - at);
                heardInBlock |= first.Sample < blockEnd;
            }
            if (heardInBlock)
                sameBlock++;
        }
        Console.WriteLine($"  {changes} changes; the new chord sounded in the same block in {sameBlock} of them");
        for (int p = 1; p < BandSynth.PartCount; p++)
        {
            List<long> d = delays[p];
            if (d.Count == 0)
                continue;
            d.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(BandPart)p,-5} median {d[d.Count / 2] / Rate * 1000,7:0.00} ms, max {d[^1] / Rate * 1000,7:0.00} ms, at the change's own sample in {d.Count(x => x == 0)} of {d.Count}"));
        }
    }

    /// <summary>The whole band playing a chord loop unpaced while the generator writes; per-block cost, worst block, GC pauses.</summary>
    private static void AudioThread(string soundFont, double seconds)
    {
        Console.WriteLine();
        Console.WriteLine($"Audio thread: {seconds:0} s of the whole band at 48 kHz / 128, realtime mode, rendered back to back while the generator writes on its thread");
        using var session = BandSession.Start(soundFont, 128, ProcessMode.Realtime);
        session.Stopped(Loop[0], 4096);
        // Eight bars first, unmeasured: the JIT compiles the band's paths (a plugin does this in its activation warm-up).
        session.Play(8 * (long)(4 * Rate * 60 / Tempo), Loop[1], -1, out _);
        int blocks = (int)(seconds * Rate / 128);
        var wall = new long[blocks];
        var cpu = new double[blocks];
        int gcBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
        TimeSpan pauseBefore = GC.GetTotalPauseDuration();
        double maxPause = 0;
        long lastIndex = GC.GetGCMemoryInfo(GCKind.Any).Index;
        session.Measure(blocks, Loop, wall, cpu, () =>
        {
            GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.Any);
            if (info.Index != lastIndex)
            {
                lastIndex = info.Index;
                foreach (TimeSpan pause in info.PauseDurations)
                    maxPause = Math.Max(maxPause, pause.TotalMilliseconds);
            }
        });
        long allocated = session.AllocatedInProcess;
        int gcs = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcBefore;
        double totalPause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
        double period = 128 / Rate * 1e6;
        double toMicros = 1e6 / Stopwatch.Frequency;
        Array.Sort(wall);
        Array.Sort(cpu);
        double P(double[] v, double q) => v[Math.Min(v.Length - 1, (int)(v.Length * q))];
        double W(double q) => wall[Math.Min(wall.Length - 1, (int)(wall.Length * q))] * toMicros;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  wall per block: mean {wall.Average() * toMicros:0.0} us, p50 {W(0.5):0.0}, p99 {W(0.99):0.0}, p99.9 {W(0.999):0.0}, max {wall[^1] * toMicros:0.0} us (period {period:0.0} us: max {100 * wall[^1] * toMicros / period:0.0}%)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  thread CPU per block: mean {cpu.Average():0.0} us ({100 * cpu.Average() / period:0.0}% of the period), p99 {P(cpu, 0.99):0.0}, max {cpu[^1]:0.0} us ({100 * cpu[^1] / period:0.0}%)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  generator meanwhile: {session.Band.Worker.BarsWritten} bars written, {session.Band.Performer.LateBars} late bars repeated; audio thread allocated {allocated} bytes; " +
            $"{gcs} GCs in the process, total pause {totalPause:0.00} ms, longest {maxPause:0.000} ms"));
    }

    /// <summary>Resident memory of one instance with its band playing, and of eight in one process.</summary>
    private static void Memory(string soundFont, int instances)
    {
        Console.WriteLine();
        Console.WriteLine($"Memory: instances activated, each playing 24 bars offline (its five decoders made and their caches filled), shared model and sounds loaded once");
        long baseline = ResidentBytes();
        long first = 0;
        var sessions = new List<BandSession>();
        try
        {
            for (int i = 1; i <= instances; i++)
            {
                BandSession s = BandSession.Start(soundFont, 512, ProcessMode.Offline);
                s.Play(24 * (long)(4 * Rate * 60 / Tempo), Loop[i % 4], -1, out _);
                sessions.Add(s);
                if (i == 1 || i == instances)
                {
                    GC.Collect();
                    long rss = ResidentBytes();
                    if (i == 1)
                        first = rss;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {i} instance(s): resident {rss / 1048576.0:0} MiB, {(rss - baseline) / 1048576.0:0} MiB above the process before the first; managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MiB"));
                }
            }
            if (instances > 1)
            {
                GC.Collect();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  instances 2..{instances} add {(ResidentBytes() - first) / 1048576.0 / (instances - 1):0} MiB each (the model, vocabulary, index and sounds are loaded once per process)"));
            }
        }
        finally
        {
            foreach (BandSession s in sessions)
                s.Dispose();
        }
    }

    private static long ResidentBytes()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }

    /// <summary>One plugin instance (processor + band) driven block by block with a playing transport.</summary>
    private sealed class BandSession : IDisposable
    {
        private readonly ProcessorDriver _driver;
        private readonly ProcessMode _mode;
        private readonly MidiEvent[] _events = new MidiEvent[64];
        private long _position;
        private int[]? _held;

        private BandSession(SidemanProcessor processor, int block, ProcessMode mode)
        {
            _driver = new ProcessorDriver(processor, block);
            _mode = mode;
        }

        public LiveBand Band => _driver.Processor.Band!;

        public static BandSession Start(string soundFont, int block, ProcessMode mode)
        {
            var processor = new SidemanProcessor(bundledSoundFont: soundFont);
            processor.Setup(new EngineSetup(Rate, block, mode));
            processor.SetActive(true);
            if (processor.Band is null)
                throw new InvalidOperationException(processor.BandProblem ?? "the band did not start");
            return new BandSession(processor, block, mode);
        }

        /// <summary>Holds <paramref name="chord"/> with the transport stopped for <paramref name="samples"/>, then waits for the generator.</summary>
        public void Stopped(int[] chord, long samples)
        {
            int n = Change(chord);
            var t = TransportInfo.Playing(Tempo, _position / (Rate * 60 / Tempo), TimeSignature.FourFour, Rate);
            t.Flags &= ~TransportFlags.Playing;
            for (long done = 0; done < samples; done += _driver.MaxBlock)
            {
                _driver.Process(_driver.MaxBlock, _events.AsSpan(0, n), _mode, t);
                n = 0;
            }
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!Band.Worker.IsIdle && DateTime.UtcNow < deadline)
                Thread.Sleep(5);
        }

        /// <summary>Plays <paramref name="samples"/>, changing to <paramref name="chord"/> at <paramref name="changeAt"/> (song sample; -1: at once).</summary>
        public void Play(long samples, int[] chord, long changeAt, out List<(long Sample, MidiEvent Event)> output)
        {
            output = [];
            long end = _position + samples;
            if (changeAt < 0)
                changeAt = _position;
            int block = _driver.MaxBlock;
            while (_position < end)
            {
                int n = (int)Math.Min(block, end - _position);
                int events = 0;
                if (changeAt >= _position && changeAt < _position + n)
                {
                    events = Change(chord);
                    for (int i = 0; i < events; i++)
                        _events[i].SampleOffset = (int)(changeAt - _position);
                }
                _driver.Process(n, _events.AsSpan(0, events), _mode, Transport());
                foreach (MidiEvent e in _driver.OutEvents)
                    output.Add((_position + e.SampleOffset, e));
                _position += n;
            }
        }

        /// <summary>Bytes the measured process() calls allocated on this thread (the measurement's own polling excluded).</summary>
        public long AllocatedInProcess { get; private set; }

        /// <summary>Times <paramref name="blocks"/> blocks (wall ticks and thread CPU microseconds), a new chord of the loop every bar.</summary>
        public void Measure(int blocks, int[][] loop, long[] wall, double[] cpu, Action afterBlock)
        {
            long bar = (long)(4 * Rate * 60 / Tempo);
            int block = _driver.MaxBlock;
            for (int i = 0; i < blocks; i++)
            {
                int events = 0;
                long inBar = _position % bar;
                if (inBar < block)
                {
                    events = Change(loop[(int)(_position / bar) % loop.Length]);
                    for (int k = 0; k < events; k++)
                        _events[k].SampleOffset = (int)Math.Min(block - 1, 700 % block); // a little late, as played
                }
                TransportInfo t = Transport();
                double c0 = ThreadCpuClock.NowMicroseconds() ?? 0;
                long a0 = GC.GetAllocatedBytesForCurrentThread();
                long w0 = Stopwatch.GetTimestamp();
                _driver.Process(block, _events.AsSpan(0, events), _mode, t);
                wall[i] = Stopwatch.GetTimestamp() - w0;
                AllocatedInProcess += GC.GetAllocatedBytesForCurrentThread() - a0;
                cpu[i] = (ThreadCpuClock.NowMicroseconds() ?? 0) - c0;
                _position += block;
                afterBlock();
            }
        }

        private TransportInfo Transport() => TransportInfo.Playing(Tempo, _position / (Rate * 60 / Tempo), TimeSignature.FourFour, Rate);

        /// <summary>Writes the note-offs of the held chord and the note-ons of the new one into the event buffer.</summary>
        private int Change(int[] chord)
        {
            int n = 0;
            if (_held is not null)
            {
                foreach (int k in _held)
                    _events[n++] = MidiEvent.NoteOff(0, k);
            }
            foreach (int k in chord)
                _events[n++] = MidiEvent.NoteOn(0, k, 0.75f);
            _held = chord;
            return n;
        }

        public void Dispose()
        {
            _driver.Processor.SetActive(false);
            _driver.Processor.Dispose();
            _driver.Dispose();
        }
    }
}
