using Sideman.Engine.Band;
using Sideman.Model.Decoding;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

/// <summary>
/// One part of the live band on the audio thread: the bar it plays (its own copy), that bar's notes placed in
/// song time (swing, humanize, the model's micro-timing), the notes sounding now, and the voice-leading state
/// that turns chord-relative pitches into MIDI keys over whatever chord sounds at each onset. Everything is
/// preallocated; nothing here allocates, locks or waits. [audio]
/// </summary>
internal sealed class PartVoice
{
    /// <summary>Notes one part may have sounding at once; the oldest is released to make room.</summary>
    public const int MaxSounding = 64;
    /// <summary>Most notes placed in one bar (a long host bar repeats a short model bar up to this).</summary>
    public const int MaxScheduled = 1024;
    /// <summary>Drum hits are short triggers: a sixteenth.</summary>
    private const double DrumHitQuarters = 0.25;
    /// <summary>How far the voice-leading reference may drift from the part's register centre.</summary>
    private const int RegisterDrift = 9;

    private readonly BandPart _part;
    private readonly bool _pitched;
    private readonly int _centre;
    private readonly int _low, _high;
    private PartBar _bar;
    private PartBar _spare;
    private readonly ScheduledNote[] _schedule = new ScheduledNote[MaxScheduled];
    private int _scheduled;
    private int _next;
    private readonly SoundingNote[] _sounding = new SoundingNote[MaxSounding];
    private int _soundingCount;
    private int _referenceRoot;
    private int _referencePitchClass = -1;

    public PartVoice(BandPart part, int barCapacity)
    {
        _part = part;
        _pitched = part != BandPart.Drums;
        if (_pitched)
        {
            var role = (PartRole)(int)part;
            _centre = PartRoles.RegisterCentre(role);
            (_low, _high) = SongMidiWriter.PlayableRange(role);
        }
        _bar = new PartBar(part, barCapacity);
        _spare = new PartBar(part, barCapacity);
    }

    public BandPart Part => _part;
    public bool IsPitched => _pitched;
    /// <summary>The part has a bar (generated now or repeated from before).</summary>
    public bool HasBar => _bar.HasBar;
    /// <summary>The bar it plays.</summary>
    public PartBar Bar => _bar;

    /// <summary>Takes bar <paramref name="bar"/> from the store if it is there (see <see cref="BarStore.TryCopy"/>); the old bar stays otherwise.</summary>
    public bool TryTake(BarStore store, long bar, ulong key, bool anyKey)
    {
        if (!store.TryCopy(_part, bar, key, anyKey, _spare))
            return false;
        (_bar, _spare) = (_spare, _bar);
        return true;
    }

    /// <summary>Takes a fixed bar whatever its number (activation's warm-up).</summary>
    public bool TryTake(BarSnapshot fixedBar)
    {
        if (!_spare.TryCopy(fixedBar, fixedBar.Bar, fixedBar.Key, anyKey: true))
            return false;
        (_bar, _spare) = (_spare, _bar);
        return true;
    }

    /// <summary>The new bar was not ready: play the previous one again (still realised over the chords sounding now).</summary>
    public void Repeat(long bar) => _bar.Repeat(bar);

    /// <summary>Nothing to play in this bar (the part is off, or the band has ended).</summary>
    public void Rest()
    {
        _scheduled = 0;
        _next = 0;
    }

    /// <summary>Forgets its bar too (a part that was switched off starts clean).</summary>
    public void Forget()
    {
        Rest();
        _bar.Clear();
        _referencePitchClass = -1;
    }

    /// <summary>
    /// Places the bar's events in song time for a host bar of <paramref name="barLength"/> quarters starting at
    /// <paramref name="barStart"/>. A shorter model bar repeats to fill the host bar, a longer one is cut at its
    /// end. Events before <paramref name="from"/> are skipped (the band re-enters in the middle of a bar). The
    /// random scatter is drawn from <paramref name="rng"/> for every event in order, so it does not depend on
    /// where the bar was entered.
    /// </summary>
    /// <param name="catchUp">Notes placed between <paramref name="from"/> and this song position sound at it instead (a part
    /// that took its bar late in the bar, within the grace window, plays what it missed the moment it joins).</param>
    public void Schedule(double barStart, double barLength, double from, in GrooveSettings groove, DeterministicRng rng, double catchUp = double.NegativeInfinity)
    {
        _scheduled = 0;
        _next = 0;
        if (!_bar.HasBar || _bar.EventCount == 0 || !(barLength > 0))
            return;
        double patternLength = _bar.Signature.QuarterNotesPerBar;
        double secondsToQuarters = groove.Tempo / 60.0;
        double timing = groove.Humanize * GrooveSettings.MaxTimingScatterSeconds * secondsToQuarters;
        double velocity = groove.Humanize * GrooveSettings.MaxVelocityScatter;
        double skipBefore = from - barStart - 1e-9;
        int events = _bar.EventCount;
        for (int tile = 0; tile * patternLength < barLength && _scheduled < MaxScheduled; tile++)
        {
            double tileStart = tile * patternLength;
            for (int i = 0; i < events && _scheduled < MaxScheduled; i++)
            {
                int tick, micro, vel, duration, drumKey = 0;
                ChordRelativePitch pitch = default;
                if (_pitched)
                {
                    PitchedEvent e = _bar.Notes[i];
                    (tick, micro, vel, duration, pitch) = (e.Tick, e.MicroOffset, e.Velocity, e.DurationTicks, e.Pitch);
                }
                else
                {
                    DrumEvent h = _bar.Hits[i];
                    (tick, micro, vel, duration, drumKey) = (h.Tick, h.MicroOffset, h.Velocity, 0, h.GmNote);
                }
                double jitter = (rng.NextDouble() * 2 - 1) * timing;
                double scatter = (rng.NextDouble() * 2 - 1) * velocity;
                double onset = tileStart + (tick + groove.SwingTicks(tick)) / PatternGrid.TicksPerQuarter
                               + (double)micro / PatternGrid.MicroUnitsPerQuarter + jitter;
                onset = Math.Clamp(onset, tileStart, tileStart + patternLength - 1e-6);
                if (onset >= barLength || onset < skipBefore)
                    continue;
                if (onset < catchUp - barStart)
                    onset = catchUp - barStart;
                double length = _pitched ? Math.Max(1, duration) / (double)PatternGrid.TicksPerQuarter : DrumHitQuarters;
                int v = Math.Clamp((int)Math.Round(vel + scatter), 1, 127);
                Insert(new ScheduledNote(onset, length, v, pitch, drumKey));
            }
        }
    }

    /// <summary>
    /// Plays what falls in offsets [<paramref name="from"/>, <paramref name="to"/>) of the block: note-offs of
    /// notes that end there and note-ons of scheduled notes that start there, in time order (a note-off first
    /// when both fall on one position), with <paramref name="chord"/> sounding throughout.
    /// </summary>
    public void Play(IPartEventSink sink, in BlockClock clock, int from, int to, ChordSymbol chord, double barStart, int octaveShift)
    {
        int last = to - 1;
        while (true)
        {
            int ending = EarliestEnding();
            double offAt = ending >= 0 ? _sounding[ending].End : double.MaxValue;
            double onAt = _next < _scheduled ? barStart + _schedule[_next].Onset : double.MaxValue;
            // Whether an event falls in this stretch is decided on the sample grid (as every boundary is), so a
            // note exactly on a block edge lands on the same sample however the host slices time.
            if (offAt <= onAt)
            {
                int offset = offAt == double.MaxValue ? int.MaxValue : clock.OffsetOf(offAt);
                if (offset >= to)
                    return;
                sink.NoteOff(Math.Max(offset, from), _part, _sounding[ending].Key);
                RemoveSounding(ending);
            }
            else
            {
                int offset = clock.OffsetOf(onAt);
                if (offset >= to)
                    return;
                Start(sink, Math.Clamp(offset, from, last), onAt, _schedule[_next++], chord, octaveShift);
            }
        }
    }

    /// <summary>
    /// The chord changed at <paramref name="offset"/> (song position <paramref name="position"/>): sounding notes
    /// move to the new chord. Keys and pad move every sustained note (their chords must change with the player's);
    /// bass and arp move notes that began inside the grace window before the change (played "on" the beat the
    /// chord was meant for) or that still have a beat or more to ring. Over N.C. they stop.
    /// </summary>
    public void Revoice(IPartEventSink sink, int offset, double position, ChordSymbol chord, double graceQuarters, int octaveShift)
    {
        if (!_pitched)
            return;
        bool sustained = _part is BandPart.Keys or BandPart.Pad;
        for (int i = 0; i < _soundingCount; i++)
        {
            ref SoundingNote s = ref _sounding[i];
            bool late = position - s.Start <= graceQuarters;
            if (!sustained && !late && s.End - position < 1.0)
                continue;
            int key = chord.IsNoChord ? -1 : Realise(s.Pitch, chord, octaveShift);
            if (key == s.Key)
                continue;
            sink.NoteOff(offset, _part, s.Key);
            if (key < 0 || IndexOf(key) >= 0)
            {
                RemoveSounding(i);
                i--;
                continue;
            }
            sink.NoteOn(offset, _part, key, s.Velocity);
            s.Key = key;
        }
    }

    /// <summary>Every sounding note off at <paramref name="offset"/>, and nothing more from this bar.</summary>
    public void Silence(IPartEventSink sink, int offset)
    {
        for (int i = 0; i < _soundingCount; i++)
            sink.NoteOff(offset, _part, _sounding[i].Key);
        _soundingCount = 0;
        _next = _scheduled;
    }

    /// <summary>
    /// The MIDI key of a chord-relative pitch over <paramref name="chord"/>: counted from a reference root that moves
    /// by the smallest step from the previous chord's (smooth voice leading) while staying near the part's register,
    /// folded by octaves into the instrument's playable range, then shifted by the part's octave parameter.
    /// </summary>
    public int Realise(ChordRelativePitch pitch, ChordSymbol chord, int octaveShift)
    {
        FollowRoot(chord.Root);
        int key = _referenceRoot + 12 * pitch.Octave + ChordQualityInfo.Semitones(chord.Quality, pitch.Degree, pitch.Alteration);
        while (key > _high)
            key -= 12;
        while (key < _low)
            key += 12;
        key += 12 * octaveShift;
        while (key > 127)
            key -= 12;
        while (key < 0)
            key += 12;
        return key;
    }

    private void FollowRoot(int pitchClass)
    {
        if (pitchClass == _referencePitchClass)
            return;
        int anchor = _referencePitchClass < 0 ? _centre : _referenceRoot;
        int root = ChordRelativePitch.ReferenceRoot(pitchClass, anchor);
        if (root > _centre + RegisterDrift)
            root -= 12;
        else if (root < _centre - RegisterDrift)
            root += 12;
        _referenceRoot = root;
        _referencePitchClass = pitchClass;
    }

    private void Start(IPartEventSink sink, int offset, double position, in ScheduledNote note, ChordSymbol chord, int octaveShift)
    {
        int key;
        if (_pitched)
        {
            if (chord.IsNoChord)
                return; // N.C.: pitched parts rest
            key = Realise(note.Pitch, chord, octaveShift);
        }
        else
        {
            key = note.DrumKey;
        }
        int existing = IndexOf(key);
        if (existing >= 0)
        {
            // One sounding note per key: restrike it.
            sink.NoteOff(offset, _part, key);
            RemoveSounding(existing);
        }
        if (_soundingCount == MaxSounding)
        {
            sink.NoteOff(offset, _part, _sounding[0].Key);
            RemoveSounding(0);
        }
        sink.NoteOn(offset, _part, key, note.Velocity);
        _sounding[_soundingCount++] = new SoundingNote(key, note.Velocity, position, position + note.Length, note.Pitch);
    }

    private int EarliestEnding()
    {
        int best = -1;
        double end = double.MaxValue;
        for (int i = 0; i < _soundingCount; i++)
        {
            if (_sounding[i].End < end)
            {
                end = _sounding[i].End;
                best = i;
            }
        }
        return best;
    }

    private int IndexOf(int key)
    {
        for (int i = 0; i < _soundingCount; i++)
        {
            if (_sounding[i].Key == key)
                return i;
        }
        return -1;
    }

    private void RemoveSounding(int index)
    {
        // Keep arrival order (the oldest first), so the voice stolen when full is the oldest.
        Array.Copy(_sounding, index + 1, _sounding, index, _soundingCount - index - 1);
        _soundingCount--;
    }

    /// <summary>Insertion by onset, stable: events come almost sorted, so this is close to linear.</summary>
    private void Insert(in ScheduledNote note)
    {
        int i = _scheduled;
        while (i > 0 && _schedule[i - 1].Onset > note.Onset)
        {
            _schedule[i] = _schedule[i - 1];
            i--;
        }
        _schedule[i] = note;
        _scheduled++;
    }

    private readonly record struct ScheduledNote(double Onset, double Length, int Velocity, ChordRelativePitch Pitch, int DrumKey);

    private record struct SoundingNote(int Key, int Velocity, double Start, double End, ChordRelativePitch Pitch);
}
