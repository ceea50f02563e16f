using Sideman.Model.Decoding;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Tests.Decoding;

/// <summary>Conditioning for test songs: a chord loop in C, sections of 8 bars, energy rising and falling.</summary>
internal static class SongFixture
{
    public static readonly BarChord[][] Loop =
    [
        [new(0, new ChordSymbol(0, ChordQuality.Major))],
        [new(0, new ChordSymbol(9, ChordQuality.Minor7))],
        [new(0, new ChordSymbol(5, ChordQuality.Major)), new(48, new ChordSymbol(7, ChordQuality.Dominant7))],
        [new(0, new ChordSymbol(0, ChordQuality.Major, 4))],
    ];

    private static readonly SectionKind[] Sections = [SectionKind.Intro, SectionKind.Verse, SectionKind.Chorus, SectionKind.Bridge];

    /// <summary>Bar <paramref name="i"/> of a song; chords from the loop unless <paramref name="withChords"/> is false.</summary>
    public static BarConditioning Bar(int i, bool withChords = true, TimeSignature? ts = null) => new(
        i,
        ts ?? TimeSignature.FourFour,
        i % 8 == 7 ? SectionKind.Fill : Sections[i / 8 % Sections.Length],
        new[] { 1, 2, 3, 4, 3, 2 }[i / 4 % 6],
        withChords ? Loop[i % Loop.Length] : ReadOnlyMemory<BarChord>.Empty);

    public static PartHeader Header(PartRole part, string style = "pop") => PartHeader.Create(style, part, keyTonic: 0, tempoBucket: 4);
}
