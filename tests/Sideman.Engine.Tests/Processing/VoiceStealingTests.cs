using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;
using Sideman.Synth.Basic;

namespace Sideman.Engine.Tests.Processing;

public class VoiceStealingTests
{
    [Fact]
    public void Beyond_polyphony_the_newest_notes_play_and_the_sound_never_drops_out()
    {
        const double rate = 48000;
        int notes = BasicSynth.Polyphony + 16;
        // A held note every 20 ms: by the end far more keys are down than there are voices.
        MidiEvent[] events = Enumerable.Range(0, notes).Select(i => MidiEvent.NoteOn(i * 960, 30 + i, 0.8f)).ToArray();
        int length = notes * 960 + 24000;
        using var rig = new EngineRig(rate, 256);
        var left = new float[length];
        rig.Render(left, new float[length], 256, events, []);

        Assert.Equal(BasicSynth.Polyphony, rig.Engine.ActiveVoiceCount);
        for (int start = 960; start + 480 <= length; start += 480)
            Assert.True(Signal.Rms(left.AsSpan(start, 480)) > 0.02, $"dropout at {start}");
        Assert.True(Signal.AllFinite(left));
    }
}
