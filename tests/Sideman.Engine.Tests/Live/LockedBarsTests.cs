using Sideman.Engine.Live;
using Sideman.Engine.State;
using Sideman.Engine.Tests.Live.Support;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Tests.Live;

/// <summary>A locked part's bars are saved with the song and come back, so the song reopens playing them.</summary>
public sealed class LockedBarsTests
{
    private const int C = 60, E = 64, G = 67;

    private static List<int> KickVelocities(LiveRig rig) =>
        rig.NotesOn(BandPart.Drums).Where(n => n.Key == 36).Select(n => n.Velocity).ToList();

    [Fact]
    public void Locked_bars_survive_a_save_and_play_again_in_a_new_instance()
    {
        StateBlob? saved;
        List<int> played;
        long bar;
        using (var first = new LiveRig(new ScriptedComposer()))
        {
            first.Chord(0, long.MaxValue / 4, C, E, G);
            bar = (long)(4 * first.SamplesPerQuarter);
            first.Run(4 * bar, 512);
            played = KickVelocities(first);
            saved = first.Band.CaptureLocked([true, false, false, false, false]);
        }
        Assert.NotNull(saved);
        Assert.Equal(LockedBarsBlob.Tag, saved.Tag);

        using var reopened = new LiveRig(new ScriptedComposer());
        reopened.Preset(EngineParameters.DrumsLock, 1);
        reopened.Preset(EngineParameters.Energy, 4); // new bars would be louder: the locked drums are not new
        Assert.True(reopened.Band.RestoreLocked(saved, out string? problem), problem);
        LiveBandResponseTests.WaitIdle(reopened);
        reopened.Chord(0, long.MaxValue / 4, C, E, G);
        reopened.Run(4 * bar, 512);
        Assert.Equal(played, KickVelocities(reopened));
        Assert.True(reopened.NotesOn(BandPart.Bass).All(n => n.Velocity >= ScriptedComposer.VelocityOf(0, 4)));
    }

    [Fact]
    public void Only_locked_parts_are_saved_and_nothing_is_saved_without_a_lock()
    {
        using var rig = new LiveRig(new ScriptedComposer());
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        rig.Run((long)(8 * rig.SamplesPerQuarter), 512);
        Assert.Null(rig.Band.CaptureLocked([false, false, false, false, false]));
        StateBlob bass = rig.Band.CaptureLocked([false, true, false, false, false])!;
        Assert.True(LockedBarsBlob.TryRead(bass.Data.Span, 64, out List<BarSnapshot> bars, out _));
        Assert.NotEmpty(bars);
        Assert.All(bars, b => Assert.Equal(BandPart.Bass, b.Part));
    }

    [Fact]
    public void A_damaged_blob_is_refused_with_its_reason_and_changes_nothing()
    {
        using var rig = new LiveRig(new ScriptedComposer());
        rig.Chord(0, long.MaxValue / 4, C, E, G);
        rig.Run((long)(8 * rig.SamplesPerQuarter), 512);
        byte[] good = rig.Band.CaptureLocked([true, true, true, true, true])!.Data.ToArray();
        for (int cut = 0; cut < good.Length; cut += Math.Max(1, good.Length / 40))
        {
            var truncated = new StateBlob(LockedBarsBlob.Tag, good.AsMemory(0, cut));
            Assert.False(rig.Band.RestoreLocked(truncated, out string? problem));
            Assert.Contains("locked", problem);
        }
        byte[] newer = (byte[])good.Clone();
        newer[0] = 9;
        Assert.False(rig.Band.RestoreLocked(new StateBlob(LockedBarsBlob.Tag, newer), out string? why));
        Assert.Contains("newer Sideman", why);
        var rng = new Random(4);
        for (int i = 0; i < 200; i++)
        {
            byte[] noise = (byte[])good.Clone();
            noise[rng.Next(4, noise.Length)] ^= (byte)rng.Next(1, 256);
            rig.Band.RestoreLocked(new StateBlob(LockedBarsBlob.Tag, noise), out _); // refused or well-formed, never thrown
        }
    }
}
