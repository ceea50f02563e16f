using Sideman.Model.Decoding;
using Sideman.Model.Tests.Tokens;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tests.Decoding;

/// <summary>The key repair on hand-made keys bars over C in C major: which notes move, where, and which stay.</summary>
public sealed class KeyRepairTests
{
    private static readonly Vocabulary V = Vocabulary.Load(RepoFiles.VocabPath);
    private static readonly BarChord[] COverBar = [new BarChord(0, new ChordSymbol(0, ChordQuality.Major))];
    private const int CMajor = 1 << 0 | 1 << 2 | 1 << 4 | 1 << 5 | 1 << 7 | 1 << 9 | 1 << 11;

    private static int[] Body(params string[] names) => [.. names.Select(V.Id)];

    private static string[] Names(int[] body) => [.. body.Select(t => V[t].Name)];

    private static int Repair(int[] body, int scale = CMajor) =>
        new KeyRepair(V).Repair(body, COverBar, scale, PartRoles.RegisterCentre(PartRole.Keys));

    [Fact]
    public void An_out_of_key_note_moves_to_the_neighbouring_chord_tone_before_a_scale_tone()
    {
        // F# over C: G (a chord tone, up) is preferred to F (a scale tone, down); C and E stay.
        int[] body = Body("POS_0", "P+0_1", "DUR_24", "VEL_4", "P+0_3", "DUR_24", "VEL_4", "POS_24", "P+0_4+", "DUR_12", "VEL_4");
        Assert.Equal(1, Repair(body));
        Assert.Equal(["POS_0", "P+0_1", "DUR_24", "VEL_4", "P+0_3", "DUR_24", "VEL_4", "POS_24", "P+0_5", "DUR_12", "VEL_4"], Names(body));
    }

    [Fact]
    public void A_move_onto_another_note_of_the_same_onset_goes_the_other_way()
    {
        // F# with G at the same onset: G is taken, so F# goes down to F (in the key).
        int[] body = Body("POS_24", "P+0_4+", "DUR_24", "VEL_4", "P+0_5", "DUR_24", "VEL_4");
        Assert.Equal(1, Repair(body));
        Assert.Equal(["POS_24", "P+0_4", "DUR_24", "VEL_4", "P+0_5", "DUR_24", "VEL_4"], Names(body));
    }

    [Fact]
    public void Between_two_scale_tones_the_note_moves_down()
    {
        // Bb over C in C major (a blue note): A and B are both in the key, neither a chord tone: A.
        int[] body = Body("POS_48", "P+0_7-", "DUR_24", "VEL_4");
        Assert.Equal(1, Repair(body));
        Assert.Equal(["POS_48", "P+0_6", "DUR_24", "VEL_4"], Names(body));
    }

    [Fact]
    public void Chord_tones_scale_tones_and_an_unknown_mode_are_left_alone()
    {
        string[] inKey = ["POS_0", "P+0_1", "DUR_24", "VEL_4", "POS_24", "P+0_2", "DUR_24", "VEL_4", "POS_48", "P+0_7", "DUR_24", "VEL_4"];
        int[] body = Body(inKey);
        Assert.Equal(0, Repair(body));
        Assert.Equal(inKey, Names(body));
        int[] outOfKey = Body("POS_24", "P+0_4+", "DUR_12", "VEL_4");
        Assert.Equal(0, Repair(outOfKey, scale: 0)); // the mode is not known yet: no key to repair into
        Assert.Equal("P+0_4+", V[outOfKey[1]].Name);
    }
}
