using Sideman.Music.Time;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tests.Tokens;

public sealed class PatternTokenizerTests
{
    private static readonly Vocabulary Vocab = Vocabulary.Load(RepoFiles.VocabPath);
    private static readonly PatternTokenizer Tokenizer = new(Vocab);

    private static PartPhrase BassPhrase(params PitchedEvent[] notes) => new("funk", PartRole.Bass, 7, 3,
    [
        new BarPattern(TimeSignature.FourFour, SectionKind.Verse, 2,
            [new BarChord(0, new ChordSymbol(7, ChordQuality.Dominant7)), new BarChord(48, new ChordSymbol(0, ChordQuality.Major, 4))],
            notes, []),
        new BarPattern(new TimeSignature(3, 4), SectionKind.Chorus, 3, [new BarChord(0, ChordSymbol.NoChord)], [], []),
    ]);

    [Fact]
    public void Bass_phrase_encodes_as_documented_and_round_trips()
    {
        var phrase = BassPhrase(
            new PitchedEvent(0, new ChordRelativePitch(-1, 1, 0), 12, 88),
            new PitchedEvent(12, new ChordRelativePitch(0, 1, 0), 6, 40, -3),
            new PitchedEvent(48, new ChordRelativePitch(0, 3, 0), 24, 104));
        var tokens = Tokenizer.Encode(phrase);
        string text = string.Join(' ', tokens.Select(t => Vocab[t].Name));
        Assert.Equal("BOS STYLE_funk PART_bass KEY_G TEMPO_3 BAR TS_4/4 SEC_verse EN_2 ROOT_0 Q_dom7 CHG_48 ROOT_5 Q_maj BASS_4 "
                     + "POS_0 P-1_1 DUR_12 VEL_5 POS_12 P+0_1 DUR_6 VEL_2 MT_-3 POS_48 P+0_3 DUR_24 VEL_6 "
                     + "BAR TS_3/4 SEC_chorus EN_3 NOCHORD EOS", text);
        PhraseAssert.Equal(phrase, Tokenizer.Decode(tokens), "bass");
    }

    [Fact]
    public void Drum_phrase_round_trips_with_micro_timing()
    {
        var phrase = new PartPhrase("rock", PartRole.Drums, -1, 4,
        [
            new BarPattern(TimeSignature.FourFour, SectionKind.Fill, 4, [],
                [], [new DrumEvent(0, 36, 104, 2), new DrumEvent(0, 42, 88), new DrumEvent(12, 42, 56, -5)]),
        ]);
        var tokens = Tokenizer.Encode(phrase);
        Assert.Equal("BOS STYLE_rock PART_drums TEMPO_4 BAR TS_4/4 SEC_fill EN_4 POS_0 DRUM_kick VEL_6 MT_+2 DRUM_hh_closed VEL_5 POS_12 DRUM_hh_closed VEL_3 MT_-5 EOS",
            string.Join(' ', tokens.Select(t => Vocab[t].Name)));
        PhraseAssert.Equal(phrase, Tokenizer.Decode(tokens), "drums");
    }

    [Fact]
    public void Unquantised_values_are_refused_with_the_bar_named()
    {
        var offGrid = BassPhrase(new PitchedEvent(5, new ChordRelativePitch(0, 1, 0), 12, 88));
        Assert.Contains("bar 0: note tick 5", Assert.Throws<TokenizeException>(() => Tokenizer.Encode(offGrid)).Message);
        var badVelocity = BassPhrase(new PitchedEvent(0, new ChordRelativePitch(0, 1, 0), 12, 90));
        Assert.Contains("velocity 90", Assert.Throws<TokenizeException>(() => Tokenizer.Encode(badVelocity)).Message);
        var unsorted = BassPhrase(new PitchedEvent(24, new ChordRelativePitch(0, 1, 0), 12, 88),
                                  new PitchedEvent(0, new ChordRelativePitch(0, 1, 0), 12, 88));
        Assert.Contains("canonical order", Assert.Throws<TokenizeException>(() => Tokenizer.Encode(unsorted)).Message);
    }

    [Fact]
    public void Malformed_sequences_fail_with_their_position()
    {
        int[] noEos = [Vocab.Bos, Vocab.Id("STYLE_pop"), Vocab.Id("PART_drums"), Vocab.Id("TEMPO_2"), Vocab.Bar,
                       Vocab.Id("TS_4/4"), Vocab.Id("SEC_none"), Vocab.Id("EN_0")];
        Assert.Contains("without EOS", Assert.Throws<TokenizeException>(() => Tokenizer.Decode(noEos)).Message);
        int[] wrong = [Vocab.Bos, Vocab.Id("PART_drums")];
        var e = Assert.Throws<TokenizeException>(() => Tokenizer.Decode(wrong));
        Assert.StartsWith("token 1:", e.Message);
    }

    [Fact]
    public void Completed_bars_of_an_unfinished_sequence_decode()
    {
        var phrase = BassPhrase(new PitchedEvent(0, new ChordRelativePitch(0, 1, 0), 12, 88));
        var tokens = Tokenizer.Encode(phrase);
        int secondBar = Array.LastIndexOf(tokens, Vocab.Bar);
        var partial = Tokenizer.DecodeCompletedBars(tokens.AsSpan(0, secondBar + 2)); // BAR TS of bar 2
        Assert.Equal(1, partial.Bars.Length);
        Assert.Equal(phrase.Bars[0].Notes.ToArray(), partial.Bars[0].Notes.ToArray());
        Assert.Equal(0, Tokenizer.DecodeCompletedBars(tokens.AsSpan(0, secondBar)).Bars.Length);
    }

    [Fact]
    public void Bar_prompt_stops_before_the_events()
    {
        var phrase = BassPhrase(new PitchedEvent(0, new ChordRelativePitch(0, 1, 0), 12, 88));
        var prompt = new List<int>();
        Tokenizer.EncodeBar(phrase, 0, prompt, includeEvents: false);
        Assert.Equal("BAR TS_4/4 SEC_verse EN_2 ROOT_0 Q_dom7 CHG_48 ROOT_5 Q_maj BASS_4",
            string.Join(' ', prompt.Select(t => Vocab[t].Name)));
    }
}
