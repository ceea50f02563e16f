using Sideman.Engine.Processing;
using Sideman.Engine.State;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;

namespace Sideman.Engine.Tests.Processing;

public class SettingsSnapshotTests
{
    [Fact]
    public void Published_settings_reach_the_audio_thread_at_the_next_block()
    {
        using var rig = new EngineRig(48000, 256);
        double[] values = EngineParameters.All.CreateDefaultPlainValues();
        values[EngineParameters.MasterVolume.Index] = -30;
        values[EngineParameters.SynthAttack.Index] = 100;
        rig.Engine.PublishSettings(new SettingsSnapshot(EngineParameters.All, values, [new StateBlob(StateBlob.MakeTag("TEST"), new byte[] { 1, 2 })]));

        // Not yet applied, but already what a save would write.
        Assert.Equal(0, rig.Engine.GetPlainValue(EngineParameters.MasterVolume), 9);
        Assert.Equal(-30, rig.Engine.CaptureSettings()[EngineParameters.MasterVolume]);

        rig.Process(64, SampleFormat.Float32, [], []);
        Assert.Equal(-30, rig.Engine.GetPlainValue(EngineParameters.MasterVolume));
        Assert.Equal(100, rig.Engine.GetPlainValue(EngineParameters.SynthAttack), 9);
        SettingsSnapshot captured = rig.Engine.CaptureSettings();
        Assert.Equal(-30, captured[EngineParameters.MasterVolume]);
        Assert.Equal("TEST", StateBlob.TagText(Assert.Single(captured.Blobs).Tag));
    }

    [Fact]
    public void Loading_settings_leaves_performance_controllers_alone()
    {
        using var rig = new EngineRig(48000, 256);
        rig.Process(64, SampleFormat.Float32, [], [new ParameterPoint(EngineParameters.SustainPedal.Id, 0, 1)]);
        double[] values = EngineParameters.All.CreateDefaultPlainValues(); // pedal 0 in here
        rig.Engine.PublishSettings(new SettingsSnapshot(EngineParameters.All, values));
        rig.Process(64, SampleFormat.Float32, [], []);
        Assert.Equal(1.0, rig.Engine.GetPlainValue(EngineParameters.SustainPedal));
    }

    [Fact]
    public void Snapshot_values_are_sanitized_through_their_scales()
    {
        double[] values = EngineParameters.All.CreateDefaultPlainValues();
        values[EngineParameters.SynthAttack.Index] = double.NaN;
        values[EngineParameters.SynthRelease.Index] = 1e12;
        var snapshot = new SettingsSnapshot(EngineParameters.All, values);
        Assert.Equal(EngineParameters.SynthAttack.DefaultPlain, snapshot[EngineParameters.SynthAttack]);
        Assert.Equal(10000, snapshot[EngineParameters.SynthRelease], 6);
        values[0] = 123; // the snapshot holds its own copy
        Assert.NotEqual(123, snapshot[EngineParameters.MasterVolume]);
    }

    [Fact]
    public void Warm_up_leaves_no_trace_in_values_or_voices()
    {
        using var rig = new EngineRig(48000, 256);
        rig.Process(64, SampleFormat.Float32, [], [new ParameterPoint(EngineParameters.MasterVolume.Id, 0, 0.5)]);
        double volume = rig.Engine.GetPlainValue(EngineParameters.MasterVolume);

        rig.Engine.BeginWarmUp();
        rig.Process(256, SampleFormat.Float32, [MidiEvent.NoteOn(0, 60, 1f)],
            [new ParameterPoint(EngineParameters.MasterVolume.Id, 0, 1), new ParameterPoint(EngineParameters.SynthRelease.Id, 3, 1)]);
        rig.Engine.EndWarmUp();

        Assert.Equal(volume, rig.Engine.GetPlainValue(EngineParameters.MasterVolume));
        Assert.Equal(EngineParameters.SynthRelease.DefaultPlain, rig.Engine.GetPlainValue(EngineParameters.SynthRelease), 9);
        Assert.Equal(0, rig.Engine.ActiveVoiceCount);
        rig.Process(256, SampleFormat.Float32, [], []);
        Assert.Equal(0b11UL, rig.SilenceFlags(0));
    }

    [Fact]
    public void Settings_for_another_parameter_list_are_refused()
    {
        var declare = new Sideman.Engine.Parameters.ParameterDeclarations();
        declare.Linear("other", "Other", "Other", "", 0, 1, 0);
        var other = declare.Build();
        var engine = new SidemanEngine();
        Assert.Throws<ArgumentException>(() => engine.PublishSettings(SettingsSnapshot.Defaults(other)));
    }
}
