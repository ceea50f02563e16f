using Sideman.Music.Time;

namespace Sideman.Music.Patterns;

/// <summary>
/// Where the chords of one chart bar start in a bar of a metre. Two chords split the bar where its second
/// beat group starts (4/4: beat 3; 3/4: beat 3; 6/8: the fourth eighth; 5/4, felt 3+2: beat 4), as the
/// training data places them (models/training/sideman_data/remetre.py); more chords share the bar evenly on
/// the eighth-note grid the model's chord changes use. Pure arithmetic: safe on the audio thread. [any]
/// </summary>
public static class ChordPlacement
{
    /// <summary>Chord changes land on eighth notes (the CHG tokens).</summary>
    public const int GridTicks = PatternGrid.TicksPerQuarter / 2;

    /// <summary>The most chords a bar of <paramref name="signature"/> can hold: one per eighth note.</summary>
    public static int MaxChords(TimeSignature signature) => Math.Max(1, signature.TicksPerBar / GridTicks);

    /// <summary>The tick where chord <paramref name="index"/> of <paramref name="count"/> starts.</summary>
    public static int StartTick(int index, int count, TimeSignature signature)
    {
        if (index <= 0)
            return 0;
        if (count == 2)
            return SecondGroupStart(signature);
        int slots = MaxChords(signature);
        return (int)Math.Round((double)index * slots / Math.Min(count, slots), MidpointRounding.AwayFromZero) * GridTicks;
    }

    /// <summary>The start of the bar's second beat group: compound metres count dotted quarters.</summary>
    public static int SecondGroupStart(TimeSignature signature)
    {
        bool compound = signature.Denominator == 8 && signature.Numerator % 3 == 0;
        int beats = compound ? signature.Numerator / 3 : signature.Numerator;
        int beatTicks = compound ? 3 * GridTicks : signature.TicksPerBar / signature.Numerator;
        int tick = (beats + 1) / 2 * beatTicks;
        // One-beat bars (1/4, 3/8 felt in one) have no second group: the change goes to the grid's middle.
        return tick > 0 && tick < signature.TicksPerBar ? tick : MaxChords(signature) / 2 * GridTicks;
    }
}
