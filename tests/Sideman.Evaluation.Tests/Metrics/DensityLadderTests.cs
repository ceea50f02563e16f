using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Tests.Support;
using Sideman.Music.Patterns;
using static Sideman.Evaluation.Tests.Support.HandMade;

namespace Sideman.Evaluation.Tests.Metrics;

public sealed class DensityLadderTests
{
    private static HeardSong Song(int energy, int notesPerBar, bool ladder = true)
    {
        SongBar[] bars = Bars(FourFour, energy, "C", "F");
        var notes = new List<SongNote>();
        for (int b = 0; b < 2; b++)
        {
            for (int i = 0; i < notesPerBar; i++)
                notes.Add(Note(bars, b, i * 6, 0));
        }
        return new HeardSong("s", "pop", 1, 0, bars, null, new Dictionary<PartRole, IReadOnlyList<SongNote>> { [PartRole.Keys] = notes }, ladder);
    }

    [Fact]
    public void Events_per_bar_by_energy_rise_only_if_every_level_plays_more()
    {
        var rising = new DensityLadder(PartRole.Keys);
        for (int e = 0; e <= 4; e++)
            rising.Add(Song(e, e + 1));
        rising.Add(Song(0, 16, ladder: false)); // not on the ladder: ignored
        Assert.Equal([1.0, 2, 3, 4, 5], rising.EventsPerBar);
        Assert.True(rising.Rises);

        var flat = new DensityLadder(PartRole.Keys);
        int[] counts = [1, 2, 2, 4, 5];
        for (int e = 0; e <= 4; e++)
            flat.Add(Song(e, counts[e]));
        Assert.Equal([1.0, 2, 2, 4, 5], flat.EventsPerBar);
        Assert.False(flat.Rises);
    }

    [Fact]
    public void A_missing_level_or_part_does_not_rise_and_drums_count_hits()
    {
        var bass = new DensityLadder(PartRole.Bass);
        bass.Add(Song(0, 1)); // a keys song: no bass bars
        Assert.All(bass.EventsPerBar, x => Assert.True(double.IsNaN(x)));
        Assert.False(bass.Rises);

        var gap = new DensityLadder(PartRole.Keys);
        foreach (int e in new[] { 0, 1, 3, 4 })
            gap.Add(Song(e, e + 1));
        Assert.True(double.IsNaN(gap.EventsPerBar[2]));
        Assert.False(gap.Rises);

        var drums = new DensityLadder(PartRole.Drums);
        for (int e = 0; e <= 4; e++)
        {
            SongBar[] bars = Bars(FourFour, e, "C");
            drums.Add(new HeardSong("d", "pop", 1, -1, bars, [.. Enumerable.Range(0, 2 * e + 1).Select(i => Hit(0, i * 6, "hh_closed"))],
                new Dictionary<PartRole, IReadOnlyList<SongNote>>(), energyLadder: true));
        }
        Assert.Equal([1.0, 3, 5, 7, 9], drums.EventsPerBar);
        Assert.True(drums.Rises);
    }
}
