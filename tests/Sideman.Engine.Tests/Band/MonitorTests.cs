using Sideman.Engine.Band;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Band;

/// <summary>What the player hears of their own notes: a bundled sound (piano by default), the built-in synth, or nothing.</summary>
public sealed class MonitorTests
{
    private const double Rate = 48000;
    private static readonly MidiEvent[] PlayerNote = [MidiEvent.NoteOn(300, 60, 0.8f), MidiEvent.NoteOff(20000, 60)];

    private static float[] RenderMain(EngineRig rig, MidiEvent[] events, ScheduledPoint[]? points = null, int total = 36000)
    {
        var left = new float[total];
        var right = new float[total];
        rig.Render(left, right, 256, events, points ?? []);
        return left;
    }

    private static ScheduledPoint Monitor(string name, long sample = 0) =>
        new(sample, EngineParameters.MonitorSound, Normalized(EngineParameters.MonitorSound, name));

    private static double Normalized(Sideman.Engine.Parameters.ParameterDefinition d, string text)
    {
        Assert.True(d.TryParseNormalized(text, out double n), $"'{text}' is not a step of {d.StringId}");
        return n;
    }

    [Fact]
    public void By_default_the_player_hears_the_bundled_grand_piano_exactly()
    {
        Assert.Equal("Grand Piano", EngineParameters.MonitorSound.FormatNormalized(EngineParameters.MonitorSound.DefaultNormalized));
        using var rig = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        float[] engine = RenderMain(rig, PlayerNote);

        // The same note on a PartSynth playing the bundled piano, rendered directly.
        var piano = new PartSynth();
        piano.SetSampleRate(Rate);
        Assert.True(piano.SetBank(BundledSounds.Bank, 0, 0));
        var left = new float[engine.Length];
        var right = new float[engine.Length];
        piano.NoteOn(300, 60, MidiChannelRouting.Velocity(0.8f));
        piano.Render(left.AsSpan(0, 20000), right.AsSpan(0, 20000));
        piano.NoteOff(0, 60);
        piano.Render(left.AsSpan(20000), right.AsSpan(20000));

        Assert.True(Signal.Rms(engine) > 1e-3);
        Assert.Equal(left, engine);
    }

    [Fact]
    public void Basic_synth_choice_and_a_missing_bank_both_play_the_built_in_synth()
    {
        using var basic = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        float[] chosen = RenderMain(basic, PlayerNote, [Monitor("Basic Synth")]);
        using var noBank = new EngineRig(Rate, 256);
        float[] fallback = RenderMain(noBank, PlayerNote);
        using var piano = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        float[] grand = RenderMain(piano, PlayerNote);

        Assert.True(Signal.Rms(chosen) > 1e-3);
        Assert.Equal(chosen, fallback);
        Assert.NotEqual(chosen, grand);
    }

    [Fact]
    public void Off_silences_the_players_notes_but_passes_them_through_and_keeps_the_band()
    {
        using var rig = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        var outEvents = new MidiEvent[16];
        var left = new float[36000];
        var right = new float[36000];
        MidiEvent[] events = [MidiEvent.NoteOn(300, 60, 0.8f), BandNotes.On(300, BandPart.Bass), MidiEvent.NoteOff(20000, 60), BandNotes.Off(20000, BandPart.Bass)];
        int passed = rig.Render(left, right, 256, events, [Monitor(BandPresets.MonitorOffName)], outEvents: outEvents);
        Assert.Equal(4, passed);

        using var bassOnly = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        var reference = new float[36000];
        bassOnly.Render(reference, new float[36000], 256, [BandNotes.On(300, BandPart.Bass), BandNotes.Off(20000, BandPart.Bass)], []);
        Assert.True(Signal.Rms(reference) > 1e-3);
        Assert.Equal(reference, left);
    }

    [Fact]
    public void Monitor_volume_at_minus_infinity_silences_only_the_player()
    {
        using var rig = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        var silentPlayer = new ScheduledPoint(0, EngineParameters.MonitorVolume, 0);
        float[] main = RenderMain(rig, PlayerNote, [silentPlayer]);
        Assert.Equal(0, Signal.Peak(main));
    }

    [Fact]
    public void Switching_the_monitor_while_a_note_is_held_leaves_nothing_hanging()
    {
        using var rig = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        // Piano note down, switch to the built-in synth, release: the piano note must still end.
        float[] main = RenderMain(rig, PlayerNote, [Monitor("Basic Synth", 10000)], total: 48000 * 6);
        Assert.True(Signal.Rms(main.AsSpan(300, 9000)) > 1e-3);
        Assert.Equal(0, rig.Engine.ActiveVoiceCount);
        Assert.Equal(0, Signal.Peak(main.AsSpan(main.Length - 4800)));
    }
}
