using Sideman.Music.Time;
namespace Sideman.Music.Patterns;

/// <summary>
/// One bar of one part: metre, section, energy level (0..4), the chords of the bar (pitched
/// parts; the first starts at tick 0) and the events, sorted by tick. Immutable; the arrays are
/// exposed as spans so the audio thread can read them without allocating.
/// </summary>
public sealed class BarPattern
{
    private readonly BarChord[] _chords;
    private readonly PitchedEvent[] _notes;
    private readonly DrumEvent[] _hits;

    public BarPattern(TimeSignature timeSignature, SectionKind section, int energy,
                      BarChord[] chords, PitchedEvent[] notes, DrumEvent[] hits)
    {
        ArgumentNullException.ThrowIfNull(chords);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(hits);
        if (energy is < 0 or > 4)
            throw new ArgumentOutOfRangeException(nameof(energy), energy, "energy must be 0..4");
        TimeSignature = timeSignature;
        Section = section;
        Energy = energy;
        _chords = chords;
        _notes = notes;
        _hits = hits;
    }

    public TimeSignature TimeSignature { get; }
    public SectionKind Section { get; }
    public int Energy { get; }

    /// <summary>[any]</summary>
    public ReadOnlySpan<BarChord> Chords => _chords;

    /// <summary>[any]</summary>
    public ReadOnlySpan<PitchedEvent> Notes => _notes;

    /// <summary>[any]</summary>
    public ReadOnlySpan<DrumEvent> Hits => _hits;

    /// <summary>The chord sounding at a tick of this bar (N.C. if the bar has none). [any]</summary>
    public ChordSymbol ChordAt(int tick)
    {
        var chord = ChordSymbol.NoChord;
        foreach (var c in _chords)
        {
            if (c.Tick > tick)
                break;
            chord = c.Chord;
        }
        return chord;
    }
}
