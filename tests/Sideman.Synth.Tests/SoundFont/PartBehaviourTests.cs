using Sideman.Synth.SoundFont;
using Sideman.Synth.Tests.Support;
using static Sideman.Synth.Tests.Support.SyntheticBank;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>Part-level behaviour: exclusive classes, stealing, sustain pedal, timing.</summary>
public sealed class PartBehaviourTests
{
    // A constant (DC) sample: any hard cut shows up as a jump, any fade as a smooth slope.
    private static (short[] Points, SampleHeader Header) Dc(string name = "dc")
    {
        var points = new short[2_000 + SoundFontSubset.SamplePadding];
        for (int i = 0; i < 2_000; i++) points[i] = 16_000;
        return (points, new SampleHeader(name, 0, 2_000, 100, 1_900, 48_000, 60, 0, 0, SampleType.Mono));
    }

    private static double LargestStep(float[] x, int from, int to)
    {
        double worst = 0;
        for (int i = Math.Max(from, 1); i < to; i++) worst = Math.Max(worst, Math.Abs(x[i] - x[i - 1]));
        return worst;
    }

    [Fact]
    public void A_closed_hat_chokes_the_open_hat_with_a_short_fade()
    {
        // Two tones on keys 46 (open hat, 480 Hz) and 42 (closed hat, 960 Hz), both exclusive class 1.
        var open = Sine("open", 100, 40, 60);
        var closed = Sine("closed", 50, 80, 60);
        var points = open.Points.Concat(closed.Points).ToArray();
        int offset = open.Points.Length;
        var closedHeader = closed.Header with { Start = (uint)offset, End = closed.Header.End + (uint)offset,
            LoopStart = (uint)offset, LoopEnd = closed.Header.LoopEnd + (uint)offset };
        var inst = Instrument("hats",
            Zone(Range(GeneratorType.KeyRange, 46, 46), Gen(GeneratorType.ExclusiveClass, 1), Gen(GeneratorType.SampleModes, 1),
                Gen(GeneratorType.OverridingRootKey, 46), Gen(GeneratorType.ReleaseVolEnv, 1200), new Generator(GeneratorType.SampleId, 0)),
            Zone(Range(GeneratorType.KeyRange, 42, 42), Gen(GeneratorType.ExclusiveClass, 1), Gen(GeneratorType.SampleModes, 1),
                Gen(GeneratorType.OverridingRootKey, 42), new Generator(GeneratorType.SampleId, 1)));
        var bank = ToBank(Build(points, new[] { open.Header, closedHeader }, new[] { inst },
            new[] { Preset("kit", 128, 0, Zone(new Generator(GeneratorType.Instrument, 0))) }));
        var part = Renderer.DryPart(bank, 128, 0);
        var (left, _) = Renderer.Script(part, 48_000, 128, (e, at) =>
        {
            if (at == 0) e.NoteOn(0, 46, 127);
            if (at == 24_000) e.NoteOn(0, 42, 127);
        });
        // Before: only the open hat. 20 ms after the closed hat: the open hat's 480 Hz is > 60 dB down.
        double openBefore = Goertzel(left, 20_000, 2_400, 480);
        double openAfter = Goertzel(left, 24_000 + 960, 2_400, 480);
        double closedAfter = Goertzel(left, 24_000 + 960, 2_400, 960);
        Assert.True(openAfter < openBefore * 1e-3, $"open hat only {Analysis.Db(openAfter / openBefore):F1} dB down");
        Assert.InRange(closedAfter / openBefore, 0.5, 2);
        Assert.Equal(1, part.ActiveVoiceCount);
    }

    [Fact]
    public void Voices_of_one_note_on_do_not_choke_each_other()
    {
        // A stereo pair in one exclusive class (both zones answer the same key) must both sound.
        var tone = Sine("tone", 100, 40, 60);
        var inst = Instrument("pair",
            Zone(Gen(GeneratorType.ExclusiveClass, 3), Gen(GeneratorType.Pan, -500), Gen(GeneratorType.SampleModes, 1), new Generator(GeneratorType.SampleId, 0)),
            Zone(Gen(GeneratorType.ExclusiveClass, 3), Gen(GeneratorType.Pan, 500), Gen(GeneratorType.SampleModes, 1), new Generator(GeneratorType.SampleId, 0)));
        var bank = ToBank(Build(tone.Points, new[] { tone.Header }, new[] { inst },
            new[] { Preset("p", 0, 0, Zone(new Generator(GeneratorType.Instrument, 0))) }));
        var part = Renderer.DryPart(bank, 0, 0);
        var (left, right) = Renderer.Note(part, 60, 127, 24_000, 12_000);
        Assert.Equal(2, part.ActiveVoiceCount);
        Assert.True(Analysis.Rms(left.AsSpan(10_000, 1_000)) > 0.1 && Analysis.Rms(right.AsSpan(10_000, 1_000)) > 0.1);
    }

    [Fact]
    public void Stealing_keeps_the_polyphony_limit_and_fades_instead_of_clicking()
    {
        var dc = Dc();
        var bank = ToBank(Single(dc.Points, dc.Header, Gen(GeneratorType.SampleModes, 1)));
        var part = Renderer.DryPart(bank, 0, 0, 48_000, new PartSynthOptions { MaxPolyphony = 4, FadeReserve = 4 });
        int maxActive = 0;
        var (left, _) = Renderer.Script(part, 48_000, 64, (e, at) =>
        {
            if (at % 2_000 == 0 && at < 24_000) e.NoteOn(0, 40 + (int)(at / 2_000), 100);
            if (at % 64 == 0) maxActive = Math.Max(maxActive, part.ActiveVoiceCount);
        });
        Assert.InRange(maxActive, 4, 8);
        Assert.Equal(4, part.ActiveVoiceCount);   // the faded voices are gone, the 4 newest remain
        // Each voice adds a constant; a hard cut would jump by a whole voice (~0.2). Fades stay smooth.
        double voiceLevel = left[1_900];
        Assert.True(voiceLevel > 0.05);
        Assert.True(LargestStep(left, 200, 48_000) < voiceLevel / 20, $"a step of {LargestStep(left, 200, 48_000):F4} vs voice {voiceLevel:F4}");
    }

    [Fact]
    public void Sustain_pedal_holds_released_notes_until_it_lifts()
    {
        var tone = Sine("tone", 100, 40, 60);
        var bank = ToBank(Single(tone.Points, tone.Header, Gen(GeneratorType.SampleModes, 1)));
        var part = Renderer.DryPart(bank, 0, 0);
        var counts = new List<int>();
        Renderer.Script(part, 48_000, 128, (e, at) =>
        {
            if (at == 0) { e.ControlChange(64, 127); e.NoteOn(0, 60, 100); e.NoteOn(0, 64, 100); }
            if (at == 4_800) { e.NoteOff(0, 60); e.NoteOff(0, 64); }
            if (at == 9_600) counts.Add(part.ActiveVoiceCount);
            if (at == 14_400) e.ControlChange(64, 0);
            if (at == 24_000) counts.Add(part.ActiveVoiceCount);
        });
        Assert.Equal(new[] { 2, 0 }, counts);
    }

    [Fact]
    public void All_sound_off_silences_the_part_with_a_fade()
    {
        var dc = Dc();
        var bank = ToBank(Single(dc.Points, dc.Header, Gen(GeneratorType.SampleModes, 1), Gen(GeneratorType.ReleaseVolEnv, 2400)));
        var part = Renderer.DryPart(bank, 0, 0);
        var (left, _) = Renderer.Script(part, 24_000, 100, (e, at) =>
        {
            if (at == 0) { e.NoteOn(0, 60, 127); e.NoteOn(0, 67, 127); }
            if (at == 12_345) e.ControlChange(120, 0);
        });
        Assert.Equal(0, part.ActiveVoiceCount);
        Assert.Equal(0.0, Analysis.PeakAbs(left.AsSpan(12_345 + 960)));
        Assert.True(LargestStep(left, 200, 24_000) < left[12_000] / 20);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(5_000)]
    public void A_note_at_offset_N_starts_at_exactly_sample_N(int start)
    {
        var tone = Sine("tone", 100, 40, 60);
        var bank = ToBank(Single(tone.Points, tone.Header, Gen(GeneratorType.SampleModes, 1), Gen(GeneratorType.StartAddrsOffset, 25)));
        float[] Render(int at)
        {
            var part = Renderer.DryPart(bank, 0, 0);
            return Renderer.Script(part, 12_000, 128, (e, t) =>
            {
                if (t == at) e.NoteOn(0, 62, 110);
                if (t == at + 6_000) e.NoteOff(0, 62);
            }).Left;
        }
        var reference = Render(0);
        var shifted = Render(start);
        Assert.Equal(0.0, Analysis.PeakAbs(shifted.AsSpan(0, start)));
        Assert.NotEqual(0f, shifted[start + 1]);
        for (int i = start; i < shifted.Length; i++)
        {
            if (shifted[i] != reference[i - start])
                Assert.Fail($"sample {i}: {shifted[i]} differs from the unshifted render's {reference[i - start]}");
        }
    }

    [Fact]
    public void Output_does_not_depend_on_how_the_host_cuts_blocks()
    {
        var tone = Sine("tone", 100, 40, 60);
        var bank = ToBank(Single(tone.Points, tone.Header, Gen(GeneratorType.SampleModes, 1),
            Gen(GeneratorType.InitialFilterFc, 7000), Gen(GeneratorType.ModEnvToFilterFc, 3000), Gen(GeneratorType.DecayModEnv, -1200),
            Gen(GeneratorType.VibLfoToPitch, 30), Gen(GeneratorType.ReverbEffectsSend, 400), Gen(GeneratorType.ChorusEffectsSend, 400)));
        float[] Render(int block)
        {
            var part = new PartSynth();
            part.SetSampleRate(48_000);
            part.SetBank(bank, 0, 0);
            return Renderer.Script(part, 48_000, block, (e, t) =>
            {
                if (t % 3_001 == 0) e.NoteOn(0, 48 + (int)(t % 17), 60 + (int)(t % 50));
                if (t % 3_001 == 1_500) e.NoteOff(0, 48 + (int)((t - 1_500) % 17));
                if (t == 20_000) e.ControlChange(1, 90);
                if (t == 30_000) e.PitchBend(9_000);
            }).Left;
        }
        var reference = Render(128);
        foreach (int block in new[] { 1, 7, 64, 1_000, 8_192 })
        {
            var other = Render(block);
            Assert.True(reference.AsSpan().SequenceEqual(other), $"block size {block} changed the output");
        }
    }

    [Fact]
    public void A_one_shot_sample_ending_inside_a_block_ends_the_same_whatever_the_blocks()
    {
        // 40 cycles of 100 samples, not looped: each note runs out of sample after ~4000 samples,
        // mid-call for most block sizes, with a resonant filter ringing and a fast vibrato.
        var tone = Sine("one-shot", 100, 40, 60);
        var bank = ToBank(Single(tone.Points, tone.Header, Gen(GeneratorType.SampleModes, 0),
            Gen(GeneratorType.InitialFilterFc, 6000), Gen(GeneratorType.InitialFilterQ, 150),
            Gen(GeneratorType.VibLfoToPitch, 40), Gen(GeneratorType.FreqVibLfo, 1200), Gen(GeneratorType.ModLfoToFilterFc, 600)));
        float[] Render(int block)
        {
            var part = new PartSynth();
            part.SetSampleRate(48_000);
            part.SetBank(bank, 0, 0);
            return Renderer.Script(part, 30_000, block, (e, t) =>
            {
                if (t % 4_999 == 3) e.NoteOn(0, 55 + (int)(t % 11), 100);
            }).Left;
        }
        var reference = Render(8_192);
        Assert.True(Analysis.PeakAbs(reference) > 0.01);
        foreach (int block in new[] { 1, 7, 64, 333 })
            Assert.True(reference.AsSpan().SequenceEqual(Render(block)), $"block size {block} changed the output");
    }

    [Fact]
    public void Events_past_the_block_end_are_applied_after_it_and_none_are_lost()
    {
        var tone = Sine("tone", 100, 40, 60);
        var bank = ToBank(Single(tone.Points, tone.Header, Gen(GeneratorType.SampleModes, 1)));
        var part = Renderer.DryPart(bank, 0, 0);
        var left = new float[64];
        var right = new float[64];
        part.NoteOn(63, 60, 100);     // the last sample of the block
        part.NoteOn(500, 64, 100);    // beyond it: applied when the block ends
        part.Render(left, right);
        Assert.Equal(2, part.ActiveVoiceCount);
        Assert.Equal(0.0, Analysis.PeakAbs(left.AsSpan(0, 63)));
        part.NoteOff(0, 60);
        part.NoteOff(0, 64);
        for (int i = 0; i < 100; i++) part.Render(left, right);
        Assert.Equal(0, part.ActiveVoiceCount);
    }

    [Fact]
    public void Part_sends_feed_its_reverb_and_the_tail_outlives_the_voices()
    {
        var tone = Sine("tone", 100, 40, 60);
        var bank = ToBank(Single(tone.Points, tone.Header, Gen(GeneratorType.SampleModes, 1)));
        (float[] Left, int Voices) Render(float send)
        {
            var part = new PartSynth();
            part.SetSampleRate(48_000);
            part.SetBank(bank, 0, 0);
            part.ReverbSend = send;
            var (left, _) = Renderer.Note(part, 60, 127, 4_800, 24_000);
            return (left, part.ActiveVoiceCount);
        }
        var dry = Render(0f);
        var wet = Render(0.5f);
        Assert.Equal(0, dry.Voices);
        Assert.Equal(0, wet.Voices);
        Assert.Equal(0.0, Analysis.PeakAbs(dry.Left.AsSpan(12_000)));
        Assert.True(Analysis.Rms(wet.Left.AsSpan(12_000, 4_800)) > 1e-4, "no reverb tail after the note");
    }

    [Fact]
    public void A_zero_length_note_still_sounds_for_the_minimum_note_length()
    {
        var dc = Dc();
        var bank = ToBank(Single(dc.Points, dc.Header, Gen(GeneratorType.SampleModes, 1), Gen(GeneratorType.ReleaseVolEnv, -12000)));
        var part = Renderer.DryPart(bank, 0, 0, 48_000, new PartSynthOptions { MinNoteMs = 10 });
        var (left, _) = Renderer.Script(part, 4_800, 128, (e, at) =>
        {
            if (at == 100) { e.NoteOn(0, 60, 127); e.NoteOff(0, 60); }
        });
        // Full level by 5 ms; the release starts at exactly 10 ms (480 samples) and is over soon after.
        Assert.True(left[100 + 240] > 0.1);
        Assert.Equal(left[100 + 240], left[100 + 479]);
        Assert.True(left[100 + 481] < left[100 + 479]);
        Assert.Equal(0.0, Analysis.PeakAbs(left.AsSpan(100 + 480 + 200)));
        Assert.Equal(0, part.ActiveVoiceCount);
    }

    private static double Goertzel(float[] x, int start, int length, double hz)
    {
        double w = 2 * Math.PI * hz / 48_000, coeff = 2 * Math.Cos(w), s1 = 0, s2 = 0;
        for (int i = 0; i < length; i++)
        {
            double s = x[start + i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return Math.Sqrt(s1 * s1 + s2 * s2 - coeff * s1 * s2) / length;
    }
}
