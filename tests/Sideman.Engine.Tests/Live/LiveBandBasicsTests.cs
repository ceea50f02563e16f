using Sideman.Engine.Processing;
using Sideman.Engine.Tests.Live.Support;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Tests.Live;

public sealed class LiveBandBasicsTests
{
    private const int C = 60, E = 64, G = 67, F = 65, A = 69;

    [Fact]
    public void Offline_band_plays_every_bar_and_the_bass_follows_the_held_chords()
    {
        using var rig = new LiveRig(new ScriptedComposer());
        long bar = (long)(4 * rig.SamplesPerQuarter);
        rig.Chord(0, 2 * bar, C, E, G);
        rig.Chord(2 * bar, 4 * bar, F, A, C + 12);
        rig.Run(4 * bar, 512);

        var kicks = rig.NotesOn(BandPart.Drums).Where(n => n.Key == 36).ToList();
        Assert.Equal(16, kicks.Count);
        var bass = rig.NotesOn(BandPart.Bass);
        Assert.Equal(16, bass.Count);
        Assert.All(bass.Where(n => n.Sample < 2 * bar), n => Assert.Equal(0, n.Key % 12));
        Assert.All(bass.Where(n => n.Sample >= 2 * bar), n => Assert.Equal(5, n.Key % 12));
    }

    [Fact]
    public void Stop_turns_every_band_note_off()
    {
        using var rig = new LiveRig(new ScriptedComposer());
        long bar = (long)(4 * rig.SamplesPerQuarter);
        rig.Chord(0, 10 * bar, C, E, G);
        rig.Run(bar + bar / 3, 256);
        Assert.True(rig.HangingBandNotes() > 0);
        rig.Playing = false;
        rig.Run(1024, 256);
        Assert.Equal(0, rig.HangingBandNotes());
    }
}
