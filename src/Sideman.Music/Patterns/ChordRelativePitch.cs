namespace Sideman.Music.Patterns;

/// <summary>
/// A pitch written relative to the chord sounding at its onset: a slot of the chord's scale
/// (degree 1..7), an alteration of -1, 0 or +1 semitone, and an octave counted from the chord's
/// reference root in the part's register. The performer turns it into a MIDI note with the
/// chord the player holds at note-on time, so a bar generated for C7 plays right over Cm7.
/// </summary>
public readonly record struct ChordRelativePitch
{
    public const int MinOctave = -3;
    public const int MaxOctave = 3;

    public ChordRelativePitch(int octave, int degree, int alteration)
    {
        if (octave is < MinOctave or > MaxOctave)
            throw new ArgumentOutOfRangeException(nameof(octave), octave, "octave must be -3..3");
        if (degree is < 1 or > 7)
            throw new ArgumentOutOfRangeException(nameof(degree), degree, "degree must be 1..7");
        if (alteration is < -1 or > 1)
            throw new ArgumentOutOfRangeException(nameof(alteration), alteration, "alteration must be -1, 0 or +1");
        Octave = octave;
        Degree = degree;
        Alteration = alteration;
    }

    public int Octave { get; }
    public int Degree { get; }
    public int Alteration { get; }

    /// <summary>The instance of <paramref name="rootPitchClass"/> in [centre - 6, centre + 6). [any]</summary>
    public static int ReferenceRoot(int rootPitchClass, int registerCentre)
    {
        int low = registerCentre - 6;
        return low + ((rootPitchClass - low) % 12 + 12) % 12;
    }

    /// <summary>The MIDI note over a chord in a part's register (no allocation). [audio]</summary>
    public int ToMidi(ChordSymbol chord, int registerCentre)
    {
        if (chord.IsNoChord)
            throw new InvalidOperationException("a chord-relative pitch has no note over N.C.");
        return ReferenceRoot(chord.Root, registerCentre) + 12 * Octave
               + ChordQualityInfo.Semitones(chord.Quality, Degree, Alteration);
    }

    /// <summary>
    /// The canonical chord-relative spelling of a MIDI note over a chord, or null when the note
    /// lies outside the octave range. FromMidi(n).ToMidi() == n for every note in range. [any]
    /// </summary>
    public static ChordRelativePitch? FromMidi(int midi, ChordSymbol chord, int registerCentre)
    {
        if (chord.IsNoChord)
            return null;
        int rel = midi - ReferenceRoot(chord.Root, registerCentre);
        var (degree, alteration) = ChordQualityInfo.Spell(chord.Quality, ((rel % 12) + 12) % 12);
        int semis = ChordQualityInfo.Semitones(chord.Quality, degree, alteration);
        int octave = (int)Math.Floor((rel - semis) / 12.0);
        if (octave is < MinOctave or > MaxOctave)
            return null;
        return new ChordRelativePitch(octave, degree, alteration);
    }

    public override string ToString() =>
        $"{(Octave >= 0 ? "+" : "")}{Octave}:{Degree}{(Alteration < 0 ? "-" : Alteration > 0 ? "+" : "")}";
}
