using Sideman.Evaluation.Songs;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Tests.Support;

/// <summary>Hand-made songs for metric tests: bars from chord symbols, hits and notes by bar and tick.</summary>
internal static class HandMade
{
    public static readonly TimeSignature FourFour = TimeSignature.FourFour;
    public static readonly TimeSignature SixEight = new(6, 8);
    public static readonly TimeSignature ThreeFour = new(3, 4);

    /// <summary>One bar per chord symbol ("-" for a bar without chords), all in <paramref name="ts"/>, at <paramref name="energy"/>.</summary>
    public static SongBar[] Bars(TimeSignature ts, int energy, params string[] chords)
    {
        var bars = new SongBar[chords.Length];
        for (int i = 0; i < chords.Length; i++)
        {
            BarChord[] c = chords[i] == "-" ? [] : [new BarChord(0, ChordSymbolParser.Parse(chords[i]))];
            bars[i] = new SongBar(i, (long)i * ts.TicksPerBar, ts, energy, c);
        }
        return bars;
    }

    /// <summary>Empty bars in a row, of the given metres.</summary>
    public static SongBar[] Bars(params TimeSignature[] metres)
    {
        var bars = new SongBar[metres.Length];
        long start = 0;
        for (int i = 0; i < metres.Length; i++)
        {
            bars[i] = new SongBar(i, start, metres[i], 2, []);
            start += metres[i].TicksPerBar;
        }
        return bars;
    }

    public static SongHit Hit(int bar, int tick, string drum, int velocity = 100) => new(bar, tick, drum, velocity);

    /// <summary>A note of pitch class <paramref name="pc"/> at a bar's tick, lasting <paramref name="length"/> ticks, over that bar's chord at the tick.</summary>
    public static SongNote Note(SongBar[] bars, int bar, int tick, int pc, int length = 12, int velocity = 90)
    {
        double start = bars[bar].Start + tick;
        return new SongNote(bar, tick, start, start + length, pc, velocity, bars[bar].ChordAt(tick));
    }

    public static HeardSong Drums(SongBar[] bars, params SongHit[] hits) => Drums("pop", 1, bars, hits);

    public static HeardSong Drums(string style, ulong? seed, SongBar[] bars, params SongHit[] hits) =>
        new("drums", style, seed, -1, bars, hits, new Dictionary<PartRole, IReadOnlyList<SongNote>>());

    public static HeardSong Part(PartRole part, SongBar[] bars, int key, params SongNote[] notes) => Part("pop", 1, part, bars, key, notes);

    public static HeardSong Part(string style, ulong seed, PartRole part, SongBar[] bars, int key, params SongNote[] notes) =>
        new("part", style, seed, key, bars, null, new Dictionary<PartRole, IReadOnlyList<SongNote>> { [part] = notes });
}
