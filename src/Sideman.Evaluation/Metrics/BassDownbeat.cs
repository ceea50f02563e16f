using Sideman.Evaluation.Songs;
using Sideman.Music.Patterns;

namespace Sideman.Evaluation.Metrics;

/// <summary>
/// Does the bass state the chord's bass on beat 1? Over bars whose chord at beat 1 is not N.C.: the share with a
/// bass note whose pitch class is the chord's bass (the root, or the written note of a slash chord) and which
/// starts on beat 1 or sounds across it from an anticipation (started before the bar line, still sounding at
/// it). Plain and slash bars are counted apart, since the model was seen to honour the one and not the other.
/// </summary>
public readonly record struct BassDownbeat(Ratio Plain, Ratio Slash)
{
    public Ratio All => Plain + Slash;

    public static BassDownbeat operator +(BassDownbeat a, BassDownbeat b) => new(a.Plain + b.Plain, a.Slash + b.Slash);

    public static BassDownbeat Of(HeardSong song)
    {
        ArgumentNullException.ThrowIfNull(song);
        if (!song.Notes.TryGetValue(PartRole.Bass, out IReadOnlyList<SongNote>? notes))
            return default;
        Ratio plain = default, slash = default;
        foreach (SongBar bar in song.Bars)
        {
            ChordSymbol chord = bar.ChordAt(0);
            if (chord.IsNoChord)
                continue;
            int expected = (chord.Root + chord.BassInterval) % 12;
            bool found = false;
            foreach (SongNote n in notes)
            {
                bool onBeat1 = n.Bar == bar.Index && n.Tick == 0;
                bool across = n.Start < bar.Start && n.End > bar.Start;
                if ((onBeat1 || across) && n.PitchClass == expected)
                {
                    found = true;
                    break;
                }
            }
            if (chord.BassInterval == 0)
                plain = plain.Count(found);
            else
                slash = slash.Count(found);
        }
        return new BassDownbeat(plain, slash);
    }
}
