using Sideman.Music.Patterns;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

/// <summary>
/// One finished bar of one part, as the generator published it: which bar, for which conditioning
/// (<see cref="Key"/>), and its chord-relative notes or drum hits. Pooled by the generator worker and
/// immutable while published; a retired snapshot is refilled only by the worker, which bumps
/// <see cref="Stamp"/> around the write, so a reader on the audio thread that copies it can tell a torn
/// copy from a good one (a sequence lock) and never holds a reference across blocks.
/// </summary>
public sealed class BarSnapshot
{
    /// <summary>Most chords one bar holds (a chord per eighth note of the longest bar the model writes).</summary>
    public const int MaxChords = 16;

    private readonly BarChord[] _chords = new BarChord[MaxChords];
    private readonly PitchedEvent[] _notes;
    private readonly DrumEvent[] _hits;
    private int _stamp;

    public BarSnapshot(BandPart part, int maxEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        Part = part;
        bool pitched = part != BandPart.Drums;
        _notes = new PitchedEvent[pitched ? maxEvents : 0];
        _hits = new DrumEvent[pitched ? 0 : maxEvents];
    }

    public BandPart Part { get; }
    public long Bar { get; private set; }
    /// <summary>What the bar was written for: a hash of its whole conditioning (see <see cref="ConditioningKey"/>).</summary>
    public ulong Key { get; private set; }
    public TimeSignature Signature { get; private set; }
    public SectionKind Section { get; private set; }
    public int Energy { get; private set; }
    public int ChordCount { get; private set; }
    public int NoteCount { get; private set; }
    public int HitCount { get; private set; }

    public int Capacity => Math.Max(_notes.Length, _hits.Length);

    /// <summary>Even while the contents are stable, odd while the worker rewrites them. [any]</summary>
    public int Stamp => Volatile.Read(ref _stamp);

    public ReadOnlySpan<BarChord> Chords => _chords.AsSpan(0, ChordCount);
    public ReadOnlySpan<PitchedEvent> Notes => _notes.AsSpan(0, NoteCount);
    public ReadOnlySpan<DrumEvent> Hits => _hits.AsSpan(0, HitCount);

    /// <summary>
    /// [generator] Rewrites the snapshot (only while no slot publishes it). Events beyond the capacity are
    /// dropped (the generator's own budget keeps them within it).
    /// </summary>
    public void Fill(long bar, ulong key, TimeSignature signature, SectionKind section, int energy,
        ReadOnlySpan<BarChord> chords, ReadOnlySpan<PitchedEvent> notes, ReadOnlySpan<DrumEvent> hits)
    {
        Interlocked.Increment(ref _stamp); // odd: being written
        Bar = bar;
        Key = key;
        Signature = signature;
        Section = section;
        Energy = energy;
        ChordCount = Math.Min(chords.Length, MaxChords);
        chords[..ChordCount].CopyTo(_chords);
        NoteCount = Math.Min(notes.Length, _notes.Length);
        notes[..NoteCount].CopyTo(_notes);
        HitCount = Math.Min(hits.Length, _hits.Length);
        hits[..HitCount].CopyTo(_hits);
        Interlocked.Increment(ref _stamp); // even: stable again
    }
}
