using Sideman.Model.Tokens;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tests.Tokens;

public sealed class GrammarMaskTests
{
    private static readonly Vocabulary Vocab = Vocabulary.Load(RepoFiles.VocabPath);
    private static readonly PatternTokenizer Tokenizer = new(Vocab);
    private static GrammarMask Mask => Tokenizer.Grammar;

    private static GrammarCursor Walk(params string[] names)
    {
        var c = Mask.Start();
        foreach (var n in names)
            Mask.Advance(c, Vocab.Id(n));
        return c;
    }

    [Fact]
    public void Every_corpus_sample_is_allowed_token_by_token()
    {
        foreach (var s in Fixture.Load().Samples)
        {
            var c = Mask.Start();
            foreach (int t in Fixture.Tokens(s))
            {
                Assert.True(Mask.IsAllowed(c, t), $"{Vocab[t].Name} refused in state {Mask.StateName(c)}");
                Mask.Advance(c, t);
            }
            Assert.True(Mask.IsEnd(c));
        }
    }

    [Fact]
    public void Positions_must_increase_and_stay_inside_the_bar()
    {
        var c = Walk("BOS", "STYLE_pop", "PART_bass", "KEY_C", "TEMPO_3", "BAR", "TS_3/4", "SEC_verse", "EN_2",
                     "ROOT_0", "Q_maj", "POS_24");
        Assert.False(Mask.IsAllowed(c, Vocab.Id("POS_12")), "a position before the current one");
        c = Walk("BOS", "STYLE_pop", "PART_bass", "KEY_C", "TEMPO_3", "BAR", "TS_3/4", "SEC_verse", "EN_2",
                 "ROOT_0", "Q_maj", "POS_24", "P+0_1", "DUR_12", "VEL_4");
        Assert.False(Mask.IsAllowed(c, Vocab.Id("POS_24")), "the same position twice");
        Assert.True(Mask.IsAllowed(c, Vocab.Id("POS_48")));
        Assert.False(Mask.IsAllowed(c, Vocab.Id("POS_72")), "3/4 bars end at tick 72");
        Assert.False(Mask.IsAllowed(c, Vocab.Id("P+0_1")), "the same pitch twice at one position");
        Assert.True(Mask.IsAllowed(c, Vocab.Id("P+0_3")));
        Assert.True(Mask.IsAllowed(c, Vocab.Id("BAR")));
        Mask.Advance(c, Vocab.Id("BAR"));
        Mask.Advance(c, Vocab.Id("TS_4/4"));
        Mask.Advance(c, Vocab.Id("SEC_verse"));
        Mask.Advance(c, Vocab.Id("EN_2"));
        Mask.Advance(c, Vocab.Id("NOCHORD"));
        Assert.True(Mask.IsAllowed(c, Vocab.Id("POS_0")), "a new bar starts positions again");
        Assert.True(Mask.IsAllowed(c, Vocab.Id("POS_72")), "4/4 bars are 96 ticks");
    }

    [Fact]
    public void Chord_changes_move_forward_and_need_a_chord()
    {
        var c = Walk("BOS", "STYLE_jazz_swing", "PART_keys", "KEY_F", "TEMPO_5", "BAR", "TS_4/4", "SEC_chorus", "EN_3",
                     "ROOT_2", "Q_min7", "CHG_48");
        Assert.False(Mask.IsAllowed(c, Vocab.Id("POS_0")), "a chord must follow CHG");
        Assert.True(Mask.IsAllowed(c, Vocab.Id("ROOT_7")));
        Mask.Advance(c, Vocab.Id("ROOT_7"));
        Mask.Advance(c, Vocab.Id("Q_dom7"));
        Assert.False(Mask.IsAllowed(c, Vocab.Id("CHG_48")));
        Assert.True(Mask.IsAllowed(c, Vocab.Id("CHG_72")));
    }

    [Fact]
    public void Drum_parts_take_no_key_and_no_chords()
    {
        var c = Walk("BOS", "STYLE_funk", "PART_drums");
        Assert.False(Mask.IsAllowed(c, Vocab.Id("KEY_C")));
        c = Walk("BOS", "STYLE_funk", "PART_drums", "TEMPO_3", "BAR", "TS_4/4", "SEC_none", "EN_1");
        Assert.False(Mask.IsAllowed(c, Vocab.Id("ROOT_0")));
        Assert.False(Mask.IsAllowed(c, Vocab.Id("P+0_1")));
        Mask.Advance(c, Vocab.Id("POS_0"));
        Assert.True(Mask.IsAllowed(c, Vocab.Id("DRUM_kick")));
        Assert.False(Mask.IsAllowed(c, Vocab.Id("P+0_1")));
    }

    [Fact]
    public void Apply_sets_forbidden_logits_to_negative_infinity()
    {
        var c = Walk("BOS", "STYLE_funk");
        var logits = new float[Vocab.Size];
        int allowed = Mask.Apply(c, logits);
        Assert.Equal(Vocab.Range(TokenKind.Part).Count, allowed);
        for (int t = 0; t < Vocab.Size; t++)
            Assert.Equal(Vocab[t].Kind == TokenKind.Part ? 0f : float.NegativeInfinity, logits[t]);
    }

    [Fact]
    public void Any_sequence_sampled_under_the_mask_decodes_and_reencodes()
    {
        var rng = new Random(1234);
        var allowed = new bool[Vocab.Size];
        var ids = new List<int>();
        int finished = 0;
        for (int n = 0; n < 300; n++)
        {
            var c = Mask.Start();
            var seq = new List<int>();
            while (!Mask.IsEnd(c) && seq.Count < 600)
            {
                int count = Mask.Fill(c, allowed);
                Assert.True(count > 0, $"dead end in state {Mask.StateName(c)}");
                ids.Clear();
                for (int t = 0; t < allowed.Length; t++)
                {
                    if (allowed[t])
                        ids.Add(t);
                }
                // Lean towards closing bars and sequences so most samples finish.
                int pick = ids.Contains(Vocab.Eos) && rng.NextDouble() < 0.05 ? Vocab.Eos
                    : ids.Contains(Vocab.Bar) && rng.NextDouble() < 0.1 ? Vocab.Bar
                    : ids[rng.Next(ids.Count)];
                seq.Add(pick);
                Mask.Advance(c, pick);
            }
            if (!Mask.IsEnd(c))
                continue;
            finished++;
            var phrase = Tokenizer.Decode(seq.ToArray());
            Assert.Equal(seq, Tokenizer.Encode(phrase));
        }
        Assert.True(finished > 200, $"only {finished} of 300 random sequences reached EOS");
    }

    [Fact]
    public void Cursor_copy_restores_a_position()
    {
        var a = Walk("BOS", "STYLE_pop", "PART_keys", "KEY_C", "TEMPO_3", "BAR", "TS_4/4", "SEC_verse", "EN_2", "ROOT_0", "Q_maj", "POS_24");
        var saved = Mask.Start();
        a.CopyTo(saved);
        Mask.Advance(a, Vocab.Id("P+0_1"));
        Assert.False(Mask.IsAllowed(a, Vocab.Id("P+0_1")));
        Assert.True(Mask.IsAllowed(saved, Vocab.Id("P+0_1")));
        Assert.False(Mask.IsAllowed(saved, Vocab.Id("POS_12")));
    }
}
