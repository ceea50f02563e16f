using Sideman.Engine;
using Sideman.Engine.Live;
using Sideman.Music.Patterns;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;

namespace Sideman.Plugin.Interop;

/// <summary>
/// The processor's answer to the editor's frame request (message <c>Sideman.EditorFrame</c>): the playhead and the
/// chord from the performer's view, the next chords of the chart, the notes of the bar playing and the bars written
/// ahead from the bar store (copies checked against the generator's write stamps), the guard's counters, the user
/// SoundFonts and the status. It reads only what the engine publishes for other threads: no lock the audio thread
/// takes, nothing allocated once the status and the chart are unchanged. [main]
/// </summary>
internal sealed class EditorFrameWriter
{
    /// <summary>The bar playing and the most bars the band writes ahead (<c>band.lookahead</c>'s maximum).</summary>
    private const int RollBars = 1 + 4;
    /// <summary>A drum hit's length on the roll, in beats.</summary>
    private const float HitBeats = 0.25f;

    private LiveChart? _chart;
    private long _chartRevision;
    private string _statusText = "";
    private SoundStatusKey _statusKey;

    private readonly record struct SoundStatusKey(object? Status, string? BandProblem, long LateBars, long Failures);

    private bool _failed;

    /// <summary>True the first time a frame could not be written (only that one is logged).</summary>
    public bool NoteFailure()
    {
        bool first = !_failed;
        _failed = true;
        return first;
    }

    /// <summary>Fills <paramref name="frame"/>; the chart text only when it changed since <paramref name="knownRevision"/>.</summary>
    public void Write(SidemanProcessor processor, ref SmEditorFrame frame, long knownRevision, Span<char> chart, out bool chartWritten)
    {
        frame = default;
        LiveBand? band = processor.Band;
        PerformerMoment now = band?.Performer.View.Read() ?? new PerformerMoment(false, 0, 0, 4, ChordSymbol.NoChord);
        frame.Playing = now.Playing ? 1 : 0;
        frame.BeatsPerBar = now.BeatsPerBar;
        frame.PlayheadBar = now.Bar;
        frame.PlayheadBeat = now.Beat;
        frame.ChordNow = ToAbi(now.Chord);
        if (band is not null)
            (frame.GuardBarsChecked, frame.GuardCopiesRejected) = band.Guard;

        LiveChart? current = processor.Engine.Chart;
        if (!ReferenceEquals(current, _chart))
        {
            _chart = current;
            _chartRevision++;
        }
        frame.ChartRevision = _chartRevision;
        chartWritten = false;
        if (knownRevision != _chartRevision && chart.Length > 0)
        {
            string text = current?.Text ?? "";
            int length = Math.Min(text.Length, chart.Length - 1);
            text.AsSpan(0, length).CopyTo(chart);
            chart[length] = '\0';
            chartWritten = true;
        }
        if (current is not null)
            WriteNextChords(current, now, ref frame); // the editor shows them in chart mode only
        if (band is not null)
        {
            for (int p = 0; p < EditorAbi.Parts; p++)
                frame.NoteCounts[p] = WriteNotes(band.Store, (BandPart)p, now.Bar, frame.Notes[p]);
        }
        for (int p = 0; p < EditorAbi.Parts; p++)
            WriteSoundName(processor, (BandPart)p, frame.SoundNames[p]);
        WriteStatus(processor, frame.Status);
    }

    private static SmChord ToAbi(ChordSymbol chord) => chord.IsNoChord
        ? new SmChord { Root = -1 }
        : new SmChord { Root = (short)chord.Root, Quality = (short)chord.Quality, BassInterval = (short)chord.BassInterval };

    /// <summary>The chart's chords after the one sounding at the playhead, across the bars that follow.</summary>
    private static void WriteNextChords(LiveChart chart, in PerformerMoment now, ref SmEditorFrame frame)
    {
        var signature = new TimeSignature(Math.Clamp(now.BeatsPerBar, 1, TimeSignature.MaxNumerator), 4);
        int tickNow = (int)Math.Floor(now.Beat * PatternGrid.TicksPerQuarter);
        int count = 0;
        for (long bar = Math.Max(0, now.Bar); bar < now.Bar + 16 && count < EditorAbi.NextChords; bar++)
        {
            int chords = chart.ChordCount(bar, signature);
            for (int i = 0; i < chords && count < EditorAbi.NextChords; i++)
            {
                BarChord c = chart.ChordOf(bar, signature, i);
                if (bar == now.Bar && c.Tick <= tickNow)
                    continue;
                frame.NextChords[count++] = ToAbi(c.Chord);
            }
        }
        frame.NextChordCount = count;
    }

    /// <summary>The notes of the bars from <paramref name="playhead"/> on that the store holds for the part; returns how many.</summary>
    private static int WriteNotes(BarStore store, BandPart part, long playhead, Span<SmRollNote> into)
    {
        int count = 0;
        int centre = part == BandPart.Drums ? 0 : PartRoles.RegisterCentre((PartRole)(int)part);
        for (long bar = Math.Max(0, playhead); bar < playhead + RollBars; bar++)
        {
            BarSnapshot? s = store.Peek(part, bar);
            if (s is null)
                continue;
            int stamp = s.Stamp;
            if ((stamp & 1) != 0 || s.Bar != bar)
                continue;
            int start = count;
            float beatsPerTick = s.Signature.Denominator / 4f / PatternGrid.TicksPerQuarter;
            if (part == BandPart.Drums)
            {
                foreach (DrumEvent hit in s.Hits)
                {
                    if (count == into.Length)
                        break;
                    into[count++] = Note(bar, hit.Tick * beatsPerTick, HitBeats, hit.GmNote, hit.Velocity);
                }
            }
            else
            {
                ReadOnlySpan<BarChord> chords = s.Chords;
                foreach (PitchedEvent e in s.Notes)
                {
                    if (count == into.Length)
                        break;
                    ChordSymbol chord = ChordAt(chords, e.Tick);
                    if (chord.IsNoChord)
                        continue;
                    into[count++] = Note(bar, e.Tick * beatsPerTick, e.DurationTicks * beatsPerTick, e.Pitch.ToMidi(chord, centre), e.Velocity);
                }
            }
            Interlocked.MemoryBarrier(); // the copies above are read before the stamp is checked again
            if (s.Stamp != stamp || s.Bar != bar)
                count = start; // rewritten meanwhile: leave that bar out of this frame
        }
        return count;
    }

    private static ChordSymbol ChordAt(ReadOnlySpan<BarChord> chords, int tick)
    {
        ChordSymbol chord = ChordSymbol.NoChord;
        foreach (BarChord c in chords)
        {
            if (c.Tick > tick)
                break;
            chord = c.Chord;
        }
        return chord;
    }

    private static SmRollNote Note(long bar, float start, float length, int pitch, int velocity) => new()
    {
        Bar = (int)Math.Clamp(bar, 0, int.MaxValue),
        StartBeat = start,
        LengthBeats = length,
        Pitch = (byte)Math.Clamp(pitch, 0, 127),
        Velocity = (byte)Math.Clamp(velocity, 0, 127),
    };

    /// <summary>The user SoundFont's file name when the part plays one ("" for the bundled sounds).</summary>
    private static void WriteSoundName(SidemanProcessor processor, BandPart part, Span<ushort> into)
    {
        string? path = processor.Engine.Sounds.PartSoundFontPath(part);
        if (string.IsNullOrEmpty(path))
            return;
        ReadOnlySpan<char> name = Path.GetFileName(path.AsSpan());
        Utf16Text.Write(name, into);
    }

    /// <summary>The processor's status (sounds, the band's problem, late bars) as lines; joined again only when it changed.</summary>
    private void WriteStatus(SidemanProcessor processor, Span<ushort> into)
    {
        var key = new SoundStatusKey(processor.SoundStatus, processor.BandProblem, processor.LateBars, processor.GeneratorFailures);
        if (key != _statusKey)
        {
            _statusKey = key;
            _statusText = processor.Status.Text;
        }
        Utf16Text.Write(_statusText, into);
    }
}
