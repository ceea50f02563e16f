using Sideman.Music.Patterns;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

/// <summary>
/// The audio thread's own copy of the bar a part is playing, taken from a <see cref="BarSnapshot"/> when the
/// part enters the bar. Copying (a few hundred bytes) means the audio thread never holds the generator's
/// snapshot across blocks, so the worker may recycle it at any time. [audio]
/// </summary>
internal sealed class PartBar
{
    private readonly BarChord[] _chords = new BarChord[BarSnapshot.MaxChords];
    private PitchedEvent[] _notes;
    private DrumEvent[] _hits;

    public PartBar(BandPart part, int capacity)
    {
        Part = part;
        _notes = new PitchedEvent[part == BandPart.Drums ? 0 : capacity];
        _hits = new DrumEvent[part == BandPart.Drums ? capacity : 0];
    }

    public BandPart Part { get; }
    public bool HasBar { get; private set; }
    public long Bar { get; private set; }
    public ulong Key { get; private set; }
    public TimeSignature Signature { get; private set; }
    public SectionKind Section { get; private set; }
    public int Energy { get; private set; }
    public int NoteCount { get; private set; }
    public int HitCount { get; private set; }

    public ReadOnlySpan<BarChord> Chords => _chords.AsSpan(0, ChordCount);
    public ReadOnlySpan<PitchedEvent> Notes => _notes.AsSpan(0, NoteCount);
    public ReadOnlySpan<DrumEvent> Hits => _hits.AsSpan(0, HitCount);
    public int ChordCount { get; private set; }

    /// <summary>Events in the bar (notes or hits).</summary>
    public int EventCount => Part == BandPart.Drums ? HitCount : NoteCount;

    /// <summary>
    /// Copies <paramref name="s"/> if it holds <paramref name="bar"/> (with <paramref name="key"/> unless
    /// <paramref name="anyKey"/>) and was not rewritten meanwhile. On false this bar may be left empty, so
    /// copy into a spare and keep the bar that plays.
    /// </summary>
    public bool TryCopy(BarSnapshot s, long bar, ulong key, bool anyKey)
    {
        int stamp = s.Stamp;
        if ((stamp & 1) != 0 || s.Bar != bar || (!anyKey && s.Key != key))
            return false;
        if (s.NoteCount > _notes.Length || s.HitCount > _hits.Length)
            return false; // never expected: snapshot and copy share the generator's capacity
        long copiedBar = s.Bar;
        ulong copiedKey = s.Key;
        TimeSignature signature = s.Signature;
        SectionKind section = s.Section;
        int energy = s.Energy;
        int chords = s.ChordCount, notes = s.NoteCount, hits = s.HitCount;
        s.Chords.CopyTo(_chords);
        s.Notes.CopyTo(_notes);
        s.Hits.CopyTo(_hits);
        Interlocked.MemoryBarrier(); // the copies above are read before the stamp is checked again
        if (s.Stamp != stamp || copiedBar != bar)
        {
            HasBar = false;
            NoteCount = HitCount = ChordCount = 0;
            return false;
        }
        HasBar = true;
        Bar = copiedBar;
        Key = copiedKey;
        Signature = signature;
        Section = section;
        Energy = energy;
        ChordCount = chords;
        NoteCount = notes;
        HitCount = hits;
        return true;
    }

    /// <summary>Plays this bar again as bar <paramref name="bar"/> (the new bar was not ready).</summary>
    public void Repeat(long bar) => Bar = bar;

    public void Clear()
    {
        HasBar = false;
        NoteCount = HitCount = ChordCount = 0;
    }
}
