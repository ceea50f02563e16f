using Sideman.Model.Decoding;
using Sideman.Model.Tests.Tokens;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tests.Decoding;

/// <summary>
/// The beat-one repair for a bass bar with no note on the one (it starts late or rests): a note on the chord's bass is put
/// first, until the bar's first onset, at the bar's velocity, near its first note; a bar that has a note there is not its job.
/// </summary>
public sealed class BeatOneInsertTests
{
    private static readonly Vocabulary V = Vocabulary.Load(RepoFiles.VocabPath);
    private static readonly int Centre = PartRoles.RegisterCentre(PartRole.Bass);
    private static readonly ChordSymbol C = new(0, ChordQuality.Major);
    private static readonly ChordSymbol COverB = new(0, ChordQuality.Major, 11);
    private const int Bar44 = 96;

    private static int[] Body(params string[] names) => [.. names.Select(V.Id)];

    private static string[] Names(ReadOnlySpan<int> body) => [.. body.ToArray().Select(t => V[t].Name)];

    private static int Midi(int token, ChordSymbol chord)
    {
        Token t = V[token];
        return new ChordRelativePitch(t.Octave, t.Degree, t.Alteration).ToMidi(chord, Centre);
    }

    private static (int Length, int[] Into) Insert(int[] body, ChordSymbol chord, int ticksPerBar = Bar44)
    {
        var into = new int[64];
        return (new BeatOneRepair(V).TryInsert(body, into, chord, Centre, ticksPerBar), into);
    }

    [Fact]
    public void A_bar_starting_on_beat_two_gets_the_root_on_one_until_then()
    {
        // The model's reggae bar: the fifth on beat 2 (tick 24), the root on beat 3.
        int[] body = Body("POS_24", "P+0_5", "DUR_12", "VEL_5", "POS_48", "P+0_1", "DUR_24", "VEL_4");
        (int length, int[] into) = Insert(body, C);

        Assert.Equal(body.Length + 4, length);
        Assert.Equal(["POS_0"], Names(into.AsSpan(0, 1)));
        Assert.Equal(0, Midi(into[1], C) % 12); // C: the chord's bass
        Assert.InRange(Math.Abs(Midi(into[1], C) - Midi(body[1], C)), 0, 6); // beside the bar's first note
        Assert.Equal("DUR_24", V[into[2]].Name); // until beat 2, not over it
        Assert.Equal("VEL_5", V[into[3]].Name); // as loud as the bar's first note
        Assert.Equal(Names(body), Names(into.AsSpan(4, body.Length)));
    }

    [Fact]
    public void A_late_onset_between_durations_gets_the_longest_that_fits()
    {
        int[] body = Body("POS_40", "P+0_1", "DUR_12", "VEL_3"); // beat 2 and two sixteenths: 40 ticks
        (int length, int[] into) = Insert(body, C);

        Assert.Equal(8, length);
        Assert.Equal("DUR_36", V[into[2]].Name);
    }

    [Fact]
    public void A_resting_bar_gets_a_whole_bar_on_the_slash_bass()
    {
        (int length, int[] into) = Insert([], COverB);

        Assert.Equal(4, length);
        Assert.Equal(11, Midi(into[1], COverB) % 12); // C/B: B
        Assert.Equal("DUR_96", V[into[2]].Name);
        Assert.InRange(Midi(into[1], COverB), Centre - 6, Centre + 6);
        Assert.Equal(V.QuantizeVelocity(80), V[into[3]].Value);
    }

    [Fact]
    public void In_three_four_a_resting_bar_lasts_three_beats()
    {
        (int length, int[] into) = Insert([], C, ticksPerBar: 72);

        Assert.Equal(4, length);
        Assert.Equal("DUR_72", V[into[2]].Name);
    }

    [Fact]
    public void A_bar_with_a_note_on_one_or_no_room_or_no_chord_is_left_alone()
    {
        var repair = new BeatOneRepair(V);
        int[] onOne = Body("POS_0", "P+0_3", "DUR_24", "VEL_4");
        Assert.Equal(-1, repair.TryInsert(onOne, new int[64], C, Centre, Bar44));
        int[] late = Body("POS_24", "P+0_1", "DUR_24", "VEL_4");
        Assert.Equal(-1, repair.TryInsert(late, new int[late.Length + 3], C, Centre, Bar44));
        Assert.Equal(-1, repair.TryInsert(late, new int[64], ChordSymbol.NoChord, Centre, Bar44));
    }
}
