using Sideman.Synth.Basic;

namespace Sideman.Synth.Tests.Basic;

public class VoiceStealingTests
{
    private const double Rate = 48000;
    private const int StealAt = 6000;

    [Fact]
    public void Stolen_note_fades_out_smoothly_instead_of_clicking()
    {
        int voices = BasicSynth.Polyphony;
        (int, Action<BasicSynth>)[] held = Enumerable.Range(0, voices)
            .Select(i => (i * 100, (Action<BasicSynth>)(s => s.NoteOn(40 + i, 0.9f)))).ToArray();
        const int length = StealAt + 2000;

        // Voices are independent, so the victim's gain can be recovered exactly:
        // full = others + victim·gain + newcomer, without = others + victim.
        float[] full = SynthProbe.Render(new BasicSynth(Rate), length, [.. held, (StealAt, s => s.NoteOn(100, 0.9f))]);
        float[] without = SynthProbe.Render(new BasicSynth(Rate), length, held);
        float[] newcomer = SynthProbe.Render(new BasicSynth(Rate), length, (StealAt, s => s.NoteOn(100, 0.9f)));
        float[] victim = SynthProbe.Render(new BasicSynth(Rate), length, held[0]); // the oldest held note

        int fade = (int)Math.Round(0.005 * Rate);
        double previousGain = 1;
        int previousIndex = StealAt - 1;
        int measured = 0;
        for (int i = StealAt - 500; i < length; i++)
        {
            double victimPart = full[i] - newcomer[i] - without[i] + victim[i];
            if (i < StealAt)
            {
                Assert.Equal(victim[i], victimPart, 1e-4); // untouched before the steal
                continue;
            }
            if (i >= StealAt + fade)
            {
                Assert.Equal(0, victimPart, 1e-4);         // gone after the fade
                continue;
            }
            if (Math.Abs(victim[i]) < 0.02)
                continue;
            double gain = victimPart / victim[i];
            double expectedDrop = (i - previousIndex) / (double)fade;
            Assert.InRange(previousGain - gain, expectedDrop - 2e-3, expectedDrop + 2e-3); // linear, no jump
            previousGain = gain;
            previousIndex = i;
            measured++;
        }
        Assert.True(measured > fade / 4, $"only {measured} samples measured");
    }

    [Fact]
    public void Released_notes_are_stolen_before_held_ones()
    {
        var synth = new BasicSynth(Rate);
        synth.SetRelease(10000);
        var actions = new List<(int, Action<BasicSynth>)>();
        for (int i = 0; i < BasicSynth.Polyphony; i++)
        {
            int key = 40 + i;
            actions.Add((i * 10, s => s.NoteOn(key, 1f)));
        }
        actions.Add((1000, s => s.NoteOff(60)));          // a young note, now in its long release
        actions.Add((1200, s => s.NoteOn(100, 1f)));      // must take the released note, not the oldest held one
        SynthProbe.Render(synth, 4000, actions.ToArray());

        Assert.False(synth.IsKeySounding(60));
        Assert.True(synth.IsKeySounding(40));
        Assert.True(synth.IsKeySounding(100));
        Assert.Equal(BasicSynth.Polyphony, synth.ActiveVoiceCount);
    }

    [Fact]
    public void With_every_note_held_the_oldest_is_stolen()
    {
        var synth = new BasicSynth(Rate);
        var actions = Enumerable.Range(0, BasicSynth.Polyphony + 3)
            .Select(i => (i * 10, (Action<BasicSynth>)(s => s.NoteOn(40 + i, 1f)))).ToArray();
        SynthProbe.Render(synth, 2000, actions);
        Assert.False(synth.IsKeySounding(40));
        Assert.False(synth.IsKeySounding(41));
        Assert.False(synth.IsKeySounding(42));
        Assert.True(synth.IsKeySounding(43));
        Assert.True(synth.IsKeySounding(40 + BasicSynth.Polyphony + 2));
        Assert.Equal(BasicSynth.Polyphony, synth.ActiveVoiceCount);
    }
}
