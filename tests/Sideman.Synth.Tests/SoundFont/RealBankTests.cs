using Sideman.Synth.SoundFont;
using Sideman.Synth.Tests.Support;
using Sideman.Tests.Shared;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>The band on the bundled subset: releases end, hats choke, rendering stays real-time safe.</summary>
[Collection(FluidR3Collection.Name)]
public sealed class RealBankTests
{
    private readonly FluidR3Fixture _fluid;

    public RealBankTests(FluidR3Fixture fluid) => _fluid = fluid;

    public static IEnumerable<object[]> BundledPresets() =>
        Sideman.Synth.SoundFont.BundledPresets.AllPresets.Select(p => new object[] { p.Bank, p.Program });

    [RequiresFluidR3Theory]
    [MemberData(nameof(BundledPresets))]
    public void No_voice_hangs_after_note_off_and_release(int bank, int program)
    {
        var part = Renderer.DryPart(_fluid.SubsetBank, bank, program);
        var keys = bank == 128 ? new[] { 36, 38, 42, 46, 49, 51 } : new[] { 36, 48, 60, 64, 67, 84 };
        var left = new float[256];
        var right = new float[256];
        foreach (int key in keys) part.NoteOn(0, key, 100);
        for (int i = 0; i < 200; i++) part.Render(left, right);      // ~1 s held
        foreach (int key in keys) part.NoteOff(0, key);
        // The longest release in these presets is a few seconds; allow 10 s.
        int blocks = 0;
        while (part.ActiveVoiceCount > 0 && blocks < 48_000 * 10 / 256)
        {
            part.Render(left, right);
            blocks++;
        }
        Assert.Equal(0, part.ActiveVoiceCount);
        part.Render(left, right);
        Assert.Equal(0.0, Analysis.PeakAbs(left));
        Assert.Equal(0.0, Analysis.PeakAbs(right));
    }

    [RequiresFluidR3Fact]
    public void Closed_hi_hat_chokes_the_open_one_in_the_standard_kit()
    {
        int closedVoices = _fluid.SubsetBank.Find(128, 0)!.Regions.Count(r => r.Contains(42, 110));
        float[] Render(bool withOpen)
        {
            var part = Renderer.DryPart(_fluid.SubsetBank, 128, 0);
            return Renderer.Script(part, 48_000, 128, (e, at) =>
            {
                if (at == 0 && withOpen) e.NoteOn(0, 46, 110);
                if (at == 14_400) e.NoteOn(0, 42, 110);
                if (at == 14_400 + 2_400) Assert.Equal(closedVoices, part.ActiveVoiceCount);
            }).Left;
        }
        var both = Render(withOpen: true);
        var closedOnly = Render(withOpen: false);
        // 50 ms after the closed hat, what is left of the open hat is more than 60 dB below it.
        var residue = new float[9_600];
        for (int i = 0; i < residue.Length; i++) residue[i] = both[14_400 + 2_400 + i] - closedOnly[14_400 + 2_400 + i];
        double openLevel = Analysis.Rms(both.AsSpan(4_800, 9_600));
        Assert.True(openLevel > 1e-3);
        Assert.True(Analysis.Rms(residue) < openLevel * 1e-3, $"open hat residue {Analysis.Db(Analysis.Rms(residue) / openLevel):F1} dB");
    }

    [RequiresFluidR3Fact]
    public void A_long_busy_multi_part_render_allocates_nothing()
    {
        var band = new BandSynth();
        band.Prepare(48_000, 128);
        band.SetBank(_fluid.SubsetBank, Sideman.Synth.SoundFont.BundledPresets.ForStyle("funk"));
        band[BandPart.Keys].ReverbSend = 0.3f;
        band[BandPart.Pad].ChorusSend = 0.4f;
        var left = new float[128];
        var right = new float[128];
        var script = new BusyScript(band);

        // Warm-up: JIT every path (events, stealing, effects) before measuring.
        for (int block = 0; block < 3_000; block++) script.Block(block, left, right);
        long before = ThreadAllocation.Start();
        for (int block = 3_000; block < 3_000 + 11_250; block++) script.Block(block, left, right);   // 30 s of audio
        long allocated = ThreadAllocation.Since(before);

        Assert.Equal(0, allocated);
        Assert.True(script.MaxVoices > 40, $"the script should keep the band busy (max {script.MaxVoices} voices)");
        Assert.Equal(0, band[BandPart.Drums].DroppedEvents);
    }

    [RequiresFluidR3Theory]
    [InlineData(8_000)]
    [InlineData(44_100)]
    [InlineData(384_000)]
    public void Every_part_stays_finite_and_free_of_denormals_at_extreme_rates(int rate)
    {
        var band = new BandSynth();
        band.Prepare(rate, 512);
        band.SetBank(_fluid.SubsetBank, Sideman.Synth.SoundFont.BundledPresets.ForStyle("jazz ballad"));
        for (int p = 0; p < BandSynth.PartCount; p++)
        {
            band[(BandPart)p].ReverbSend = 0.5f;
            band[(BandPart)p].ChorusSend = 0.5f;
        }
        var left = new float[512];
        var right = new float[512];
        var script = new BusyScript(band);
        int blocks = (int)(rate * 1.0 / 512);
        for (int block = 0; block < blocks; block++)
        {
            script.Block(block, left, right, beatSamples: rate / 4);
            Assert.True(Analysis.AllFinite(left) && Analysis.AllFinite(right), $"non-finite output at {rate} Hz, block {block}");
            Assert.True(Analysis.NoDenormals(left) && Analysis.NoDenormals(right), $"denormal output at {rate} Hz, block {block}");
        }
        Assert.True(Analysis.PeakAbs(left) < 8);
        // Then silence: everything, tails included, dies out to exact zero.
        for (int p = 0; p < BandSynth.PartCount; p++) band[(BandPart)p].AllNotesOff(0);
        int silentBlocks = 0;
        for (int block = 0; block < (int)(rate * 14.0 / 512) && silentBlocks < 4; block++)
        {
            band.Render(left, right);
            silentBlocks = band.ActiveVoiceCount == 0 && Analysis.PeakAbs(left) == 0 ? silentBlocks + 1 : 0;
        }
        Assert.Equal(0, band.ActiveVoiceCount);
        Assert.Equal(0.0, Analysis.PeakAbs(left));
    }

    [RequiresFluidR3Fact]
    public void Stems_add_up_to_the_main_mix()
    {
        var band = new BandSynth();
        band.Prepare(48_000, 256);
        band.SetBank(_fluid.SubsetBank, Sideman.Synth.SoundFont.BundledPresets.ForStyle("pop"));
        band[BandPart.Keys].ReverbSend = 0.4f;
        var left = new float[256];
        var right = new float[256];
        var script = new BusyScript(band);
        for (int block = 0; block < 400; block++)
        {
            script.Block(block, left, right);
            for (int i = 0; i < 256; i++)
            {
                float sum = 0;
                for (int p = 0; p < BandSynth.PartCount; p++) sum += band.Stem((BandPart)p).Left.Span[i];
                Assert.Equal(sum, left[i], 5);
            }
        }
        Assert.True(Analysis.Rms(band.Stem(BandPart.Drums).Left.Span) + Analysis.Rms(band.Stem(BandPart.Bass).Left.Span) > 0);
    }

    /// <summary>Drums on 16ths, a walking bass, chords, pad, arpeggio, CCs and bends: a busy band.</summary>
    private sealed class BusyScript
    {
        private static readonly int[] Drums = { 36, 42, 38, 42, 36, 36, 38, 46, 36, 42, 38, 42, 36, 44, 38, 49 };
        private static readonly int[] Chord = { 60, 64, 67, 71 };
        private readonly BandSynth _band;
        private long _sample;

        public BusyScript(BandSynth band) => _band = band;

        public int MaxVoices { get; private set; }

        public void Block(int block, float[] left, float[] right, int beatSamples = 12_000)
        {
            int n = left.Length;
            int sixteenth = beatSamples / 4;
            for (int i = 0; i < n; i++)
            {
                long t = _sample + i;
                if (t % sixteenth != 0) continue;
                long step = t / sixteenth;
                var drums = _band[BandPart.Drums];
                drums.NoteOn(i, Drums[step % 16], 70 + (int)(step * 7 % 50));
                drums.NoteOff(i, Drums[(step + 15) % 16]);
                var bass = _band[BandPart.Bass];
                int bassKey = 36 + (int)(step * 5 % 12);
                if (step % 2 == 0) { bass.NoteOn(i, bassKey, 100); bass.NoteOff(i, 36 + (int)((step + 14) * 5 % 12)); }
                var keys = _band[BandPart.Keys];
                int root = (int)(step / 16 % 4) * 2;
                if (step % 8 == 0) foreach (int k in Chord) keys.NoteOn(i, k + root, 90);
                if (step % 8 == 6) foreach (int k in Chord) keys.NoteOff(i, k + root);
                var pad = _band[BandPart.Pad];
                if (step % 16 == 0) { foreach (int k in Chord) pad.NoteOn(i, k - 12 + root, 70); }
                if (step % 16 == 15) { foreach (int k in Chord) pad.NoteOff(i, k - 12 + root); pad.ControlChange(i, 11, 60 + (int)(step % 60)); }
                var arp = _band[BandPart.Arp];
                arp.NoteOn(i, 72 + Chord[step % 4] - 60 + root, 80);
                arp.NoteOff(i, 72 + Chord[(step + 3) % 4] - 60 + root);
                if (step % 4 == 2) arp.PitchBend(i, 8192 + (int)(step % 9 - 4) * 300);
                if (step % 32 == 0) keys.ControlChange(i, 64, step % 64 == 0 ? 127 : 0);
            }
            _sample += n;
            _band.Render(left, right);
            MaxVoices = Math.Max(MaxVoices, _band.ActiveVoiceCount);
        }
    }
}
