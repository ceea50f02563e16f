using Sideman.Evaluation.Songs;
using Sideman.Music.Patterns;

namespace Sideman.Evaluation.Metrics;

/// <summary>
/// How a pitched part sits on the harmony. Chord-tone ratio: the share of notes whose pitch class is a tone
/// of the chord sounding at the onset (its quality's intervals, plus the written bass of a slash chord: the B
/// of C/B belongs to that chord). Out-of-key non-chord notes: the share of notes that are neither chord tones
/// nor in the major scale of the song's key. Notes over N.C. are not counted; out-of-key is not counted when
/// the key is unknown.
/// </summary>
public readonly record struct PitchFigures(Ratio ChordTones, Ratio OutOfKey)
{
    private static readonly int[] Major = [0, 2, 4, 5, 7, 9, 11];

    public static PitchFigures operator +(PitchFigures a, PitchFigures b) => new(a.ChordTones + b.ChordTones, a.OutOfKey + b.OutOfKey);

    public static PitchFigures Of(HeardSong song, PartRole part)
    {
        ArgumentNullException.ThrowIfNull(song);
        if (!song.Notes.TryGetValue(part, out IReadOnlyList<SongNote>? notes))
            return default;
        Ratio tones = default, outOfKey = default;
        foreach (SongNote n in notes)
        {
            if (n.Chord.IsNoChord)
                continue;
            bool tone = IsChordTone(n.PitchClass, n.Chord);
            tones = tones.Count(tone);
            if (song.KeyTonic >= 0)
                outOfKey = outOfKey.Count(!tone && !InMajorKey(n.PitchClass, song.KeyTonic));
        }
        return new PitchFigures(tones, outOfKey);
    }

    /// <summary>Is <paramref name="pitchClass"/> a tone of <paramref name="chord"/> (slash bass included)?</summary>
    public static bool IsChordTone(int pitchClass, ChordSymbol chord)
    {
        if (chord.IsNoChord)
            return false;
        int interval = ((pitchClass - chord.Root) % 12 + 12) % 12;
        return interval == chord.BassInterval || ChordQualityInfo.Intervals(chord.Quality).Contains(interval);
    }

    public static bool InMajorKey(int pitchClass, int tonic) => Array.IndexOf(Major, ((pitchClass - tonic) % 12 + 12) % 12) >= 0;
}
