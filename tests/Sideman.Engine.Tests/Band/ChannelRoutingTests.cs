using Sideman.Engine.Band;
using Sideman.Engine.Tests.Support;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Midi;
using Sideman.Music.Patterns;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Band;

/// <summary>MIDI channel 10 plays Drums, 2..5 play Bass, Keys, Pad, Arp; every other channel is the player.</summary>
public sealed class ChannelRoutingTests
{
    [Fact]
    public void The_channel_map_is_the_documented_one()
    {
        var expected = new Dictionary<int, BandPart> { [10] = BandPart.Drums, [2] = BandPart.Bass, [3] = BandPart.Keys, [4] = BandPart.Pad, [5] = BandPart.Arp };
        for (int midiChannel = 1; midiChannel <= 16; midiChannel++)
        {
            bool routed = MidiChannelRouting.TryGetPart(midiChannel - 1, out BandPart part);
            Assert.Equal(expected.ContainsKey(midiChannel), routed);
            if (routed)
                Assert.Equal(expected[midiChannel], part);
        }
    }

    [Theory]
    [InlineData(PartRole.Drums, BandPart.Drums)]
    [InlineData(PartRole.Bass, BandPart.Bass)]
    [InlineData(PartRole.Keys, BandPart.Keys)]
    [InlineData(PartRole.Pad, BandPart.Pad)]
    [InlineData(PartRole.Arp, BandPart.Arp)]
    public void A_generated_song_file_plays_each_part_on_its_instrument(PartRole role, BandPart expected)
    {
        // The files `sideman generate` writes are meant to be played into the plugin (the demo does).
        var (channel, _) = SongMidiWriter.Voice(role);
        Assert.True(MidiChannelRouting.TryGetPart(channel, out BandPart part));
        Assert.Equal(expected, part);
    }

    [Fact]
    public void A_generated_melody_is_the_players_channel()
    {
        var (channel, _) = SongMidiWriter.Voice(PartRole.Melody);
        Assert.False(MidiChannelRouting.TryGetPart(channel, out _));
        Assert.Equal(BandChannels.Player - 1, channel);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(11)]
    [InlineData(16)]
    public void Player_channels_sound_in_the_main_mix_only(int midiChannel)
    {
        using var rig = new EngineRig(48000, 512, bank: BundledSounds.Bank);
        rig.SetPartBusesActive(true);
        MidiEvent[] events = [MidiEvent.NoteOn(100, 60, 0.8f, midiChannel - 1), MidiEvent.NoteOff(9000, 60, 0f, midiChannel - 1)];
        float[][][] buses = rig.RenderBuses(24000, 512, events, []);
        Assert.True(Signal.Rms(buses[0][0].AsSpan(100, 8000)) > 1e-3, "the player's note is not in the mix");
        for (int b = 1; b <= 5; b++)
            Assert.Equal(0, Signal.Peak(buses[b][0]) + Signal.Peak(buses[b][1]));
        Assert.Equal(0, rig.Engine.BandVoiceCount);
    }

    [Fact]
    public void Every_input_event_passes_through_to_midi_out_with_its_channel()
    {
        using var rig = new EngineRig(48000, 256, bank: BundledSounds.Bank);
        var events = new List<MidiEvent>();
        for (int channel = 0; channel < 16; channel++)
        {
            events.Add(MidiEvent.NoteOn(10 + channel, 50 + channel, 0.5f, channel));
            events.Add(MidiEvent.NoteOff(100 + channel, 50 + channel, 0f, channel));
        }
        MidiEvent[] sorted = BandNotes.Sorted(events);
        var left = new float[256];
        var right = new float[256];
        var outEvents = new MidiEvent[64];
        int count = rig.Render(left, right, 256, sorted, [], outEvents: outEvents);
        Assert.Equal(32, count);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(sorted[i].Channel, outEvents[i].Channel);
            Assert.Equal(sorted[i].Key, outEvents[i].Key);
            Assert.Equal(sorted[i].SampleOffset, outEvents[i].SampleOffset);
        }
    }

    [Fact]
    public void A_sustain_pedal_on_the_keys_channel_holds_the_keys_and_leaves_the_player_alone()
    {
        const int total = 48000 * 2;
        float[] Render(bool pedal)
        {
            using var rig = new EngineRig(48000, 256, bank: BundledSounds.Bank);
            rig.SetPartBusesActive(true);
            var events = new List<MidiEvent>();
            if (pedal)
                events.Add(MidiEvent.Controller(0, MidiControllers.SustainPedal, 1f, BandNotes.Channel(BandPart.Keys)));
            events.Add(BandNotes.On(1000, BandPart.Keys));
            events.Add(BandNotes.Off(5000, BandPart.Keys));
            float[][][] buses = rig.RenderBuses(total, 256, BandNotes.Sorted(events), []);
            Assert.Equal(0.0, rig.Engine.GetPlainValue(EngineParameters.SustainPedal)); // the player's pedal did not move
            return buses[SidemanEngine.FirstPartBus + (int)BandPart.Keys][0];
        }
        double held = Signal.Rms(Render(pedal: true).AsSpan(60000, 20000));
        double released = Signal.Rms(Render(pedal: false).AsSpan(60000, 20000));
        Assert.True(held > 1e-3, $"held note rms {held}");
        Assert.True(held > 20 * released, $"pedal down {held} vs up {released}");
    }

    [Fact]
    public void Pitch_bend_on_a_part_channel_bends_that_part()
    {
        float[] Render(float bend)
        {
            using var rig = new EngineRig(48000, 256, bank: BundledSounds.Bank);
            rig.SetPartBusesActive(true);
            MidiEvent[] events =
            [
                MidiEvent.Controller(0, MidiControllers.PitchBend, bend, BandNotes.Channel(BandPart.Arp)),
                BandNotes.On(10, BandPart.Arp, 69),
            ];
            return rig.RenderBuses(24000, 256, events, [])[SidemanEngine.FirstPartBus + (int)BandPart.Arp][0];
        }
        double centre = Pitch.EstimateFrequency(Render(0.5f).AsSpan(4800, 9600), 48000);
        double up = Pitch.EstimateFrequency(Render(1f).AsSpan(4800, 9600), 48000);
        // Full bend is +2 semitones by default (RPN 0).
        Assert.InRange(up / centre, Math.Pow(2, 1.9 / 12), Math.Pow(2, 2.1 / 12));
    }
}
