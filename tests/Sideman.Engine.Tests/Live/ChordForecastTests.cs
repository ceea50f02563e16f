using Sideman.Engine.Live;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;

namespace Sideman.Engine.Tests.Live;

public sealed class ChordForecastTests
{
    private static ChordSymbol C(string s) => ChordSymbolParser.Parse(s);

    private static ChordForecast Played(params string[] chords)
    {
        var f = new ChordForecast();
        for (int i = 0; i < chords.Length; i++)
            f.Record(i, C(chords[i]));
        return f;
    }

    [Fact]
    public void A_repeated_four_bar_progression_is_expected_to_go_on()
    {
        ChordForecast f = Played("C", "Am", "F", "G7", "C", "Am", "F", "G7");
        Assert.Equal(C("C"), f.Predict(8, 7, C("G7")));
        Assert.Equal(C("Am"), f.Predict(9, 7, C("G7"))); // two bars ahead
    }

    [Fact]
    public void Without_a_repeat_the_chord_held_now_is_the_guess()
    {
        ChordForecast f = Played("C", "Am", "F", "G7", "Em", "A7");
        Assert.Equal(C("A7"), f.Predict(6, 5, C("A7")));
    }

    [Fact]
    public void A_vamp_and_a_two_bar_pattern_are_found_and_a_change_of_pattern_ends_the_guess()
    {
        Assert.Equal(C("Dm7"), Played("Dm7", "Dm7", "Dm7").Predict(3, 2, C("Dm7")));
        Assert.Equal(C("Dm7"), Played("Dm7", "G7", "Dm7", "G7").Predict(4, 3, C("G7")));
        ChordForecast broken = Played("Dm7", "G7", "Dm7", "G7", "Bb");
        Assert.Equal(C("Bb"), broken.Predict(5, 4, C("Bb")));
    }

    [Fact]
    public void Clear_forgets_the_history()
    {
        ChordForecast f = Played("C", "Am", "C", "Am");
        f.Clear();
        Assert.Equal(C("F"), f.Predict(4, 3, C("F")));
    }
}
