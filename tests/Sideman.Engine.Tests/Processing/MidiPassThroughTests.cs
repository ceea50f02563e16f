using Sideman.Engine.Processing;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;

namespace Sideman.Engine.Tests.Processing;

public class MidiPassThroughTests
{
    [Fact]
    public void Incoming_notes_come_out_unchanged_at_the_same_offsets()
    {
        using var rig = new EngineRig(48000, 512);
        MidiEvent[] input =
        [
            MidiEvent.NoteOn(0, 60, 0.5f, channel: 3, noteId: 17) with { Tuning = 12.5f, Length = 999 },
            MidiEvent.PolyPressure(10, 60, 0.25f, channel: 3, noteId: 17),
            MidiEvent.NoteOn(32, 64, 1f),
            MidiEvent.NoteOff(32, 60, 0.3f, channel: 3, noteId: 17),
            MidiEvent.NoteOff(511, 64),
        ];
        int count = rig.Process(512, SampleFormat.Float32, input, []);
        Assert.Equal(input.Length, count);
        for (int i = 0; i < input.Length; i++)
            Assert.Equal(input[i], rig.OutEvent(i));
    }

    [Fact]
    public void Controller_parameters_go_out_as_controller_events_at_their_offsets()
    {
        using var rig = new EngineRig(48000, 256);
        ParameterPoint[] points =
        [
            new(EngineParameters.SustainPedal.Id, 5, 1.0),
            new(EngineParameters.MasterVolume.Id, 6, 0.5),   // not a controller: no MIDI
            new(EngineParameters.ModWheel.Id, 100, 0.25),
            new(EngineParameters.PitchBend.Id, 255, 0.75),
        ];
        int count = rig.Process(256, SampleFormat.Float32, [MidiEvent.NoteOn(100, 70, 1f)], points);
        Assert.Equal(4, count);
        Assert.Equal(MidiEvent.Controller(5, MidiControllers.SustainPedal, 1f), rig.OutEvent(0));
        Assert.Equal(MidiEvent.Controller(100, MidiControllers.ModWheel, 0.25f), rig.OutEvent(1));
        // At the same sample the parameter goes out before the note, as it was applied before it.
        Assert.Equal(MidiEventKind.NoteOn, rig.OutEvent(2).Kind);
        Assert.Equal(MidiEvent.Controller(255, MidiControllers.PitchBend, 0.75f), rig.OutEvent(3));
    }

    [Fact]
    public void Output_events_are_in_time_order_over_a_long_busy_render()
    {
        using var rig = new EngineRig(48000, 300);
        MidiEvent[] events = SampleAccuracyTests.BusyPerformance(48000, seed: 5);
        ScheduledPoint[] points = Enumerable.Range(0, 100)
            .Select(i => new ScheduledPoint(i * 470, EngineParameters.PitchBend, (i % 10) / 10.0)).ToArray();
        var outEvents = new MidiEvent[events.Length + points.Length + 10];
        int count = rig.Render(new float[48000], new float[48000], 300, events, points, outEvents: outEvents);
        Assert.Equal(events.Length + points.Length, count);
        for (int i = 1; i < count; i++)
            Assert.True(outEvents[i].SampleOffset >= outEvents[i - 1].SampleOffset);
        var notesOut = outEvents.Take(count).Where(e => e.Kind != MidiEventKind.Controller).ToArray();
        Assert.Equal(events, notesOut);
    }

    [Fact]
    public void Controller_events_in_the_input_drive_the_mapped_parameters()
    {
        using var rig = new EngineRig(48000, 256);
        rig.Process(256, SampleFormat.Float32,
            [MidiEvent.Controller(0, MidiControllers.SustainPedal, 1f), MidiEvent.Controller(1, MidiControllers.PitchBend, 1f)], []);
        Assert.Equal(1.0, rig.Engine.GetPlainValue(EngineParameters.SustainPedal));
        Assert.Equal(1.0, rig.Engine.GetPlainValue(EngineParameters.PitchBend));
    }
}
