using System.Collections.Concurrent;
using Sideman.Engine.Live;
using Sideman.Music.Patterns;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Tests.Live.Support;

/// <summary>
/// A stand-in for the model with a plain, predictable band: drums kick every beat and snare on the backbeat, bass the
/// root on every beat, keys and pad the triad held the whole bar, arp chord tones on eighths. Every note's velocity
/// carries the bar's energy (40 + 20 × level) and the bar number modulo 8 (+ bar % 8), so tests can read what was
/// written for which bar. Records every call; can be slowed down to play a late generator.
/// </summary>
public sealed class ScriptedComposer : IBandComposer
{
    public ConcurrentQueue<(BandPart Part, BarRequest Request)> Calls { get; } = new();

    /// <summary>Milliseconds each bar of each part takes to "write".</summary>
    public int DelayMs { get; set; }

    /// <summary>Throw for this part (a broken model).</summary>
    public BandPart? FailPart { get; set; }

    public int MaxEventsPerBar => 64;

    public int TempoBucket(double bpm) => bpm < 100 ? 0 : bpm < 140 ? 1 : 2;

    public TimeSignature ModelSignature(TimeSignature host) => host;

    public static int VelocityOf(long bar, int energy) => 40 + 20 * energy + (int)(((bar % 8) + 8) % 8);

    public void Write(BandPart part, in BarRequest request, ulong key, BarSnapshot output)
    {
        Calls.Enqueue((part, request));
        if (DelayMs > 0)
            Thread.Sleep(DelayMs);
        if (FailPart == part)
            throw new InvalidOperationException("scripted failure");
        int beats = request.Signature.Numerator;
        int beatTicks = request.Signature.TicksPerBar / beats;
        int velocity = VelocityOf(request.Bar, request.Energy);
        var notes = new List<PitchedEvent>();
        var hits = new List<DrumEvent>();
        switch (part)
        {
            case BandPart.Drums:
                for (int b = 0; b < beats; b++)
                {
                    hits.Add(new DrumEvent(b * beatTicks, 36, velocity));
                    if (b % 2 == 1)
                        hits.Add(new DrumEvent(b * beatTicks, 38, velocity));
                }
                break;
            case BandPart.Bass:
                for (int b = 0; b < beats; b++)
                    notes.Add(new PitchedEvent(b * beatTicks, new ChordRelativePitch(0, 1, 0), beatTicks, velocity));
                break;
            case BandPart.Keys:
            case BandPart.Pad:
                foreach (int degree in (int[])[1, 3, 5])
                    notes.Add(new PitchedEvent(0, new ChordRelativePitch(0, degree, 0), request.Signature.TicksPerBar, velocity));
                break;
            case BandPart.Arp:
                int[] cycle = [1, 3, 5, 3];
                for (int t = 0, i = 0; t < request.Signature.TicksPerBar; t += 12, i++)
                    notes.Add(new PitchedEvent(t, new ChordRelativePitch(0, cycle[i % 4], 0), 12, velocity));
                break;
        }
        var chords = new BarChord[request.ChordCount];
        for (int i = 0; i < chords.Length; i++)
            chords[i] = request.Chords[i];
        output.Fill(request.Bar, key, request.Signature, request.Section, request.Energy, chords, notes.ToArray(), hits.ToArray());
    }

    public void Dispose()
    {
    }
}
