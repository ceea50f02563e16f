using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tests.Decoding;

/// <summary>A plan says which sections or energy levels the song is too short to play (issue 11 item 6), instead of dropping them silently.</summary>
public sealed class SongPlanWarningTests
{
    [Fact]
    public void Sections_past_the_last_bar_are_named_with_how_to_fit_them()
    {
        SongPlan plan = SongPlan.Create(new SongRequest { Chart = "C | F | G | C", Sections = "intro:4,verse:8" });
        Assert.Equal(4, plan.Bars.Count);
        Assert.All(plan.Bars, b => Assert.Equal(SectionKind.Intro, b.Section));
        string warning = Assert.Single(plan.Warnings);
        Assert.Contains("4 bars: 4 in the chart x 1", warning);
        Assert.Contains("verse:8 plays 0 of its 8 bars", warning);
        Assert.Contains("--repeat 3", warning);
    }

    [Fact]
    public void A_section_after_one_that_takes_the_rest_is_named_too()
    {
        SongPlan plan = SongPlan.Create(new SongRequest { Chart = "C | F", Repeat = 2, Sections = "verse,chorus:2" });
        Assert.Contains("chorus:2 plays 0 of its 2 bars", Assert.Single(plan.Warnings));
        Assert.Contains("give every section a bar count", plan.Warnings[0]);
        Assert.Contains("chorus is not played", Assert.Single(SongPlan.Create(new SongRequest { Chart = "C | F", Sections = "verse,chorus" }).Warnings));
    }

    [Fact]
    public void Energy_levels_past_the_last_bar_are_named()
    {
        SongPlan plan = SongPlan.Create(new SongRequest { Chart = "C | F", Energy = "1,2,3,4" });
        Assert.Equal([1, 2], plan.Bars.Select(b => b.Energy));
        Assert.Contains("the last 2 are not played", Assert.Single(plan.Warnings));
    }

    [Fact]
    public void A_request_that_fits_has_no_warning()
    {
        Assert.Empty(SongPlan.Create(new SongRequest { Chart = "C | F | G | C", Repeat = 3, Sections = "intro:4,verse:8", Energy = "0..4" }).Warnings);
        Assert.Empty(SongPlan.Create(new SongRequest { Chart = "C | F", Sections = "verse", Energy = "1,2" }).Warnings);
        Assert.Empty(SongPlan.Create(new SongRequest { Chart = "C | F | G", Sections = "intro:1,verse" }).Warnings);
    }
}
