using Sideman.Engine.Processing;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Band;

/// <summary>Each part on its own bus and in the main mix; stems add up to the mix; silence flags.</summary>
public sealed class BandBusTests
{
    private const double Rate = 48000;

    /// <summary>One note per part, each part starting later than the one before.</summary>
    private static MidiEvent[] StaggeredNotes(out long[] starts)
    {
        var events = new List<MidiEvent>();
        starts = new long[5];
        foreach (BandPart part in BandNotes.Parts)
        {
            long at = 2000 + (int)part * 9000 + 37;
            starts[(int)part] = at;
            events.Add(BandNotes.On(at, part));
            events.Add(BandNotes.Off(at + 6000, part));
        }
        return BandNotes.Sorted(events);
    }

    [Fact]
    public void Each_parts_notes_come_out_on_its_own_bus_from_their_first_sample_and_nowhere_else()
    {
        using var rig = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        rig.SetPartBusesActive(true);
        MidiEvent[] events = StaggeredNotes(out long[] starts);
        float[][][] buses = rig.RenderBuses(80000, 256, events, []);

        foreach (BandPart part in BandNotes.Parts)
        {
            float[] stem = buses[EngineRigBus(part)][0];
            int first = Signal.FirstNonZero(stem);
            Assert.True(first >= starts[(int)part] && first <= starts[(int)part] + 2,
                $"{part}: its bus first sounds at sample {first}, its note starts at {starts[(int)part]}");
            // The whole note (the warm pad swells in slowly).
            double energy = Signal.Rms(stem.AsSpan((int)starts[(int)part], 6000));
            Assert.True(energy > 3e-4, $"{part}: rms {energy} on its own bus");
        }
    }

    [Fact]
    public void Stems_add_up_exactly_to_the_main_mix()
    {
        using var rig = new EngineRig(Rate, 333, bank: BundledSounds.Bank);
        rig.SetPartBusesActive(true);
        MidiEvent[] events = StaggeredNotes(out _);
        float[][][] buses = rig.RenderBuses(70000, 333, events, []);

        for (int c = 0; c < 2; c++)
        {
            float[] main = buses[0][c];
            Assert.True(Signal.Rms(main) > 1e-3);
            for (int i = 0; i < main.Length; i++)
            {
                // The engine sums the same way: the (silent) monitor, then the parts in bus order.
                float sum = 0f;
                for (int b = 1; b <= 5; b++)
                    sum += buses[b][c][i];
                if (sum != main[i])
                    Assert.Fail($"channel {c}, sample {i}: main {main[i]} but the stems sum to {sum}");
            }
        }
    }

    [Fact]
    public void Inactive_part_buses_are_flagged_silent_and_the_mix_still_holds_every_part()
    {
        const int block = 256, total = 80000;
        int blocks = (total + block - 1) / block;
        MidiEvent[] events = StaggeredNotes(out long[] starts);

        using var withStems = new EngineRig(Rate, block, bank: BundledSounds.Bank);
        withStems.SetPartBusesActive(true);
        float[][][] reference = withStems.RenderBuses(total, block, events, []);

        using var rig = new EngineRig(Rate, block, bank: BundledSounds.Bank);
        var flags = Enumerable.Range(0, 6).Select(_ => new ulong[blocks]).ToArray();
        float[][][] buses = rig.RenderBuses(total, block, events, [], silenceFlags: flags);

        for (int b = 1; b <= 5; b++)
        {
            Assert.All(flags[b], f => Assert.Equal(0b11UL, f));
            Assert.Equal(0, Signal.Peak(buses[b][0]));
            Assert.Equal(0, Signal.Peak(buses[b][1]));
        }
        // Switching the stems off changes nothing in the mix.
        Assert.Equal(reference[0][0], buses[0][0]);
        Assert.Equal(reference[0][1], buses[0][1]);
        foreach (BandPart part in BandNotes.Parts)
            Assert.True(Signal.Rms(buses[0][0].AsSpan((int)starts[(int)part], 2000)) > 1e-3, $"{part} is missing from the mix");
    }

    [Fact]
    public void Active_part_buses_are_flagged_silent_exactly_in_the_blocks_where_they_are_silent()
    {
        const int block = 128, total = 48000;
        int blocks = total / block;
        using var rig = new EngineRig(Rate, block, bank: BundledSounds.Bank);
        rig.SetPartBusesActive(true);
        // Only the bass plays, from block 100 on.
        MidiEvent[] events = [BandNotes.On(100 * block + 5, BandPart.Bass), BandNotes.Off(200 * block, BandPart.Bass)];
        var flags = Enumerable.Range(0, 6).Select(_ => new ulong[blocks]).ToArray();
        float[][][] buses = rig.RenderBuses(total, block, events, [], silenceFlags: flags);

        for (int k = 0; k < blocks; k++)
        {
            for (int b = 0; b <= 5; b++)
            {
                bool silent = Signal.Peak(buses[b][0].AsSpan(k * block, block)) == 0 && Signal.Peak(buses[b][1].AsSpan(k * block, block)) == 0;
                Assert.True(silent == (flags[b][k] == 0b11), $"bus {b}, block {k}: silent {silent}, flags {flags[b][k]}");
            }
        }
        Assert.Equal(0b11UL, flags[2][99]);
        Assert.Equal(0UL, flags[2][100]);
        Assert.All(new[] { 1, 3, 4, 5 }, b => Assert.All(flags[b], f => Assert.Equal(0b11UL, f)));
    }

    [Fact]
    public void A_64_bit_host_gets_the_same_stems()
    {
        using var a = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        using var b = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        a.SetPartBusesActive(true);
        b.SetPartBusesActive(true);
        MidiEvent[] events = StaggeredNotes(out _);
        float[][][] single = a.RenderBuses(60000, 256, events, []);
        float[][][] doubles = b.RenderBuses(60000, 256, events, [], SampleFormat.Float64);
        for (int bus = 0; bus < 6; bus++)
        {
            // 64-bit buses carry the same float values, widened.
            Assert.Equal(single[bus][0], doubles[bus][0]);
            Assert.Equal(single[bus][1], doubles[bus][1]);
        }
    }

    private static int EngineRigBus(BandPart part) => SidemanEngine.FirstPartBus + (int)part;
}
