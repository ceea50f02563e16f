using Sideman.Engine.Band;
using Sideman.Music.Midi;
using Sideman.Music.Patterns;

namespace Sideman.Engine.Live;

// The player's input: chords (through the tracker, with the offset of every change inside the block),
// keyswitches in their octave, and how hard and how much the player plays (Follow My Dynamics).
public sealed partial class LivePerformer
{
    /// <summary>Chord changes remembered per block; a storm beyond keeps the last change (what the player ends on).</summary>
    private const int MaxChangesPerBlock = 256;

    private readonly (int Offset, ChordSymbol Chord)[] _timeline = new (int, ChordSymbol)[MaxChangesPerBlock];
    private int _timelineCount;
    private int _timelineNext;
    private ChordSymbol _chord = ChordSymbol.NoChord;
    private ChordSymbol _chartChord = ChordSymbol.NoChord;
    private double _velocityAverage = DynamicsNeutralVelocity;
    private int _notesThisBar;
    private int _notesLastBar = DynamicsNeutralNotes;

    private const double DynamicsNeutralVelocity = 80;
    private const int DynamicsNeutralNotes = 8;

    /// <summary>How far the player's recent playing pushes energy, -2..+2 levels at full Follow My Dynamics.</summary>
    private double DynamicsPush =>
        Math.Clamp((_velocityAverage - DynamicsNeutralVelocity) / 24 + (_notesLastBar - DynamicsNeutralNotes) / 12.0, -2, 2);

    private void ResetInput()
    {
        _timelineCount = _timelineNext = 0;
        _velocityAverage = DynamicsNeutralVelocity;
        _notesThisBar = 0;
        _notesLastBar = DynamicsNeutralNotes;
        _chartChord = ChordSymbol.NoChord;
    }

    /// <summary>Feeds the block's player notes to the chord tracker, noting where the chord changes; takes keyswitches.</summary>
    private void ReadInput(ReadOnlySpan<MidiEvent> input, int sampleCount)
    {
        _tracker.SplitKey = _s.SplitKey;
        _tracker.Latch = _s.Latch;
        _timelineCount = _timelineNext = 0;
        int last = Math.Max(0, sampleCount - 1);
        foreach (ref readonly MidiEvent e in input)
        {
            if (MidiChannelRouting.TryGetPart(e.Channel, out _))
                continue; // the parts' own channels play the band directly
            int offset = Math.Clamp(e.SampleOffset, 0, last);
            bool changed;
            switch (e.Kind)
            {
                case MidiEventKind.NoteOn when (uint)e.Key <= 127:
                    if (IsKeyswitch(e))
                    {
                        TakeKeyswitch(e.Key - _s.KeyswitchLow);
                        continue;
                    }
                    Listen(e.Value);
                    changed = _tracker.NoteOn(e.Key);
                    break;
                case MidiEventKind.NoteOff when (uint)e.Key <= 127:
                    if (IsKeyswitch(e))
                        continue;
                    changed = _tracker.NoteOff(e.Key);
                    break;
                case MidiEventKind.Controller when e.Key == MidiControllers.AllNotesOff || e.Key == MidiControllers.AllSoundOff:
                    _tracker.AllNotesOff();
                    changed = true; // an unchanged chord is dropped when applied
                    break;
                default:
                    continue;
            }
            if (changed)
                AddChange(offset, _tracker.Current);
        }
    }

    private void AddChange(int offset, ChordSymbol chord)
    {
        if (_timelineCount > 0 && _timeline[_timelineCount - 1].Offset == offset)
        {
            _timeline[_timelineCount - 1].Chord = chord; // several notes of one chord on one sample: one change
            return;
        }
        if (_timelineCount == MaxChangesPerBlock)
        {
            _timeline[_timelineCount - 1] = (offset, chord);
            return;
        }
        _timeline[_timelineCount++] = (offset, chord);
    }

    /// <summary>Applies the chord changes up to <paramref name="offset"/>; in follow mode the band re-voices at each.</summary>
    private void ApplyTimeline(IPartEventSink band, int offset, in BlockClock clock)
    {
        while (_timelineNext < _timelineCount && _timeline[_timelineNext].Offset <= offset)
        {
            ChordSymbol chord = _timeline[_timelineNext++].Chord;
            if (chord == _chord)
                continue;
            _chord = chord;
            if (_keyTonic < 0 && !chord.IsNoChord)
                _keyTonic = chord.Root;
            if (_playing && !ChartActive)
                RevoiceAll(band, offset, clock.PositionAt(offset), chord);
        }
    }

    /// <summary>The rest of the block's changes, when nothing is playing (or after the last sample played).</summary>
    private void ConsumeTimeline()
    {
        while (_timelineNext < _timelineCount)
        {
            ChordSymbol chord = _timeline[_timelineNext++].Chord;
            _chord = chord;
            if (_keyTonic < 0 && !chord.IsNoChord)
                _keyTonic = chord.Root;
        }
    }

    private int NextTimelineOffset() => _timelineNext < _timelineCount ? _timeline[_timelineNext].Offset : int.MaxValue;

    /// <summary>The chord the band plays over at <paramref name="position"/> of the current bar; <paramref name="changed"/> when a chart chord begins.</summary>
    private ChordSymbol ChordAt(double position, out bool changed)
    {
        changed = false;
        if (!ChartActive)
            return _chord;
        int tick = Math.Max(0, (int)Math.Floor((position - _barStart) * Music.Patterns.PatternGrid.TicksPerQuarter + 1e-6));
        ChordSymbol chord = _chart!.ChordAt(_barIndex, _transport.Signature, tick);
        changed = chord != _chartChord;
        _chartChord = chord;
        return chord;
    }

    /// <summary>The position of the chart's next chord change in the current bar after <paramref name="position"/>, or NaN.</summary>
    private double NextChartChange(double position)
    {
        if (!ChartActive)
            return double.NaN;
        int count = _chart!.ChordCount(_barIndex, _transport.Signature);
        for (int i = 1; i < count; i++)
        {
            double at = _barStart + (double)_chart.ChordOf(_barIndex, _transport.Signature, i).Tick / PatternGrid.TicksPerQuarter;
            if (at > position + Epsilon)
                return at;
        }
        return double.NaN;
    }

    private bool IsKeyswitch(in MidiEvent e)
    {
        int low = _s.KeyswitchLow;
        return low >= 0 && e.Kind is MidiEventKind.NoteOn or MidiEventKind.NoteOff
               && e.Key >= low && e.Key < low + 12 && !MidiChannelRouting.TryGetPart(e.Channel, out _);
    }

    /// <summary>
    /// Keyswitches, by note of their octave: C verse, D pre-chorus, E chorus, F bridge, G solo, A fill, B ending
    /// (again: cancel it); C# intro, D# outro.
    /// </summary>
    private void TakeKeyswitch(int note)
    {
        bool stopped = !_playing;
        switch (note)
        {
            case 0: ChangeSection(SectionKind.Verse, stopped); break;
            case 1: ChangeSection(SectionKind.Intro, stopped); break;
            case 2: ChangeSection(SectionKind.PreChorus, stopped); break;
            case 3: ChangeSection(SectionKind.Outro, stopped); break;
            case 4: ChangeSection(SectionKind.Chorus, stopped); break;
            case 5: ChangeSection(SectionKind.Bridge, stopped); break;
            case 7: ChangeSection(SectionKind.Solo, stopped); break;
            case 9: if (!stopped) QueueFill(); break;
            case 11:
                if (_ending)
                    CancelEnding();
                else if (!stopped)
                    QueueEnding();
                break;
        }
    }

    /// <summary>Follow My Dynamics: a running average of the player's velocities.</summary>
    private void Listen(float velocity)
    {
        if (!float.IsFinite(velocity))
            return;
        _velocityAverage += (Math.Clamp(velocity, 0f, 1f) * 127 - _velocityAverage) * 0.2;
        _notesThisBar++;
    }

    /// <summary>A bar line: the player's note count of the bar that ended feeds the dynamics.</summary>
    private void CountBar()
    {
        _notesLastBar = _notesThisBar;
        _notesThisBar = 0;
    }
}
