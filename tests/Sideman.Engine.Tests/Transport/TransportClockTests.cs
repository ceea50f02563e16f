using Sideman.Engine.Transport;
using Sideman.Music.Time;

namespace Sideman.Engine.Tests.Transport;

public class TransportClockTests
{
    private const double Rate = 48000;

    private static TransportInfo Playing(double tempo, double position, int num = 4, int den = 4) =>
        TransportInfo.Playing(tempo, position, new TimeSignature(num, den), Rate);

    [Fact]
    public void Without_any_context_the_clock_is_stopped_at_120_bpm_in_four_four()
    {
        var clock = new TransportClock(Rate);
        clock.Advance(default, 512);
        TransportState t = clock.Current;
        Assert.False(t.HostProvided);
        Assert.False(t.IsPlaying);
        Assert.Equal(120, t.Tempo);
        Assert.Equal(TimeSignature.FourFour, t.Signature);
        Assert.Equal(0, t.PositionQuarters);
        Assert.Equal(24000, t.SamplesPerQuarter);
    }

    [Fact]
    public void Host_values_are_taken_and_bar_start_comes_from_the_host()
    {
        var clock = new TransportClock(Rate);
        TransportInfo info = Playing(90, 13.5, 6, 8);
        info.BarPositionMusic = 12;
        clock.Advance(info, 256);
        TransportState t = clock.Current;
        Assert.True(t.HostProvided);
        Assert.True(t.IsPlaying);
        Assert.Equal(90, t.Tempo);
        Assert.Equal(new TimeSignature(6, 8), t.Signature);
        Assert.Equal(3.0, t.QuarterNotesPerBar);
        Assert.Equal(13.5, t.PositionQuarters);
        Assert.Equal(12, t.BarStartQuarters);
        Assert.Equal(1.5, t.PositionInBar);
        Assert.Equal(TransportChange.Started, t.Change);
    }

    [Theory]
    [InlineData(5, 20)]
    [InlineData(20, 20)]
    [InlineData(999, 999)]
    [InlineData(5000, 999)]
    public void Tempo_is_clamped_to_the_supported_range(double hostTempo, double expected)
    {
        var clock = new TransportClock(Rate);
        clock.Advance(Playing(hostTempo, 0), 64);
        Assert.Equal(expected, clock.Current.Tempo);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0)]
    [InlineData(-120)]
    public void Invalid_tempo_keeps_the_last_good_one(double bad)
    {
        var clock = new TransportClock(Rate);
        clock.Advance(Playing(140, 0), 64);
        TransportInfo info = Playing(140, 64 / (Rate * 60 / 140));
        info.Tempo = bad;
        clock.Advance(info, 64);
        Assert.Equal(140, clock.Current.Tempo);
    }

    [Fact]
    public void Invalid_time_signature_keeps_the_last_good_one()
    {
        var clock = new TransportClock(Rate);
        clock.Advance(Playing(120, 0, 7, 8), 64);
        TransportInfo info = Playing(120, 0);
        info.TimeSignatureNumerator = 0;
        info.TimeSignatureDenominator = 3;
        clock.Advance(info, 64);
        Assert.Equal(new TimeSignature(7, 8), clock.Current.Signature);
    }

    [Fact]
    public void Continuous_playback_reports_no_change_across_many_blocks_and_tempo_changes()
    {
        var clock = new TransportClock(Rate);
        double position = 0;
        double tempo = 120;
        for (int block = 0; block < 1000; block++)
        {
            clock.Advance(Playing(tempo, position), 333);
            if (block > 0)
                Assert.Equal(TransportChange.None, clock.Current.Change);
            position += 333 / (Rate * 60 / tempo);
            tempo = 60 + block % 200; // the host changes tempo between blocks
        }
    }

    [Fact]
    public void A_locate_is_reported_as_a_jump()
    {
        var clock = new TransportClock(Rate);
        clock.Advance(Playing(120, 0), 512);
        clock.Advance(Playing(120, 32), 512);
        Assert.Equal(TransportChange.Jumped, clock.Current.Change);
        Assert.Equal(32, clock.Current.PositionQuarters);
        Assert.Equal(32, clock.Current.BarStartQuarters);
    }

    [Fact]
    public void Start_and_stop_are_reported()
    {
        var clock = new TransportClock(Rate);
        TransportInfo stopped = Playing(120, 8);
        stopped.Flags &= ~TransportFlags.Playing;
        clock.Advance(stopped, 64);
        Assert.Equal(TransportChange.None, clock.Current.Change);
        clock.Advance(Playing(120, 8), 64);
        Assert.Equal(TransportChange.Started, clock.Current.Change);
        stopped.ProjectTimeMusic = 8 + 64 / 24000.0;
        clock.Advance(stopped, 64);
        Assert.Equal(TransportChange.Stopped, clock.Current.Change);
        Assert.False(clock.Current.IsPlaying);
    }

    [Fact]
    public void Loop_wrap_at_a_block_boundary_is_reported_as_a_loop()
    {
        var clock = new TransportClock(Rate);
        TransportInfo info = WithCycle(Playing(120, 8 - 512 / 24000.0), 4, 8);
        clock.Advance(info, 512);            // ends exactly at the cycle end
        clock.Advance(WithCycle(Playing(120, 4), 4, 8), 512);
        Assert.Equal(TransportChange.Looped, clock.Current.Change);
        Assert.True(clock.Current.CycleActive);
    }

    [Fact]
    public void Loop_wrap_inside_a_block_is_located_and_followed()
    {
        var clock = new TransportClock(Rate);
        double start = 8 - 100 / 24000.0;    // 100 samples before the cycle end
        clock.Advance(WithCycle(Playing(120, start), 4, 8), 512);
        TransportState t = clock.Current;
        Assert.Equal(100, t.CycleWrapOffset());
        Assert.Equal(4.0, t.PositionAt(100), 9);
        Assert.Equal(4.0 + 50 / 24000.0, t.PositionAt(150), 9);
        Assert.Equal(start + 99 / 24000.0, t.PositionAt(99), 9);
        // The host continues after the wrap where we predicted: not a jump.
        clock.Advance(WithCycle(Playing(120, 4 + 412 / 24000.0), 4, 8), 512);
        Assert.NotEqual(TransportChange.Jumped, clock.Current.Change);
    }

    [Fact]
    public void Missing_position_is_extrapolated_while_playing()
    {
        var clock = new TransportClock(Rate);
        clock.Advance(Playing(120, 2), 480);
        TransportInfo noPosition = Playing(120, 0);
        noPosition.Flags &= ~(TransportFlags.ProjectTimeMusicValid | TransportFlags.BarPositionValid);
        clock.Advance(noPosition, 480);
        Assert.Equal(2 + 480 / 24000.0, clock.Current.PositionQuarters, 12);
        Assert.Equal(0, clock.Current.BarStartQuarters);
        Assert.Equal(TransportChange.None, clock.Current.Change);
    }

    [Fact]
    public void Position_falls_back_to_the_sample_position_when_music_time_is_missing()
    {
        var clock = new TransportClock(Rate);
        TransportInfo info = Playing(120, 0);
        info.Flags &= ~TransportFlags.ProjectTimeMusicValid;
        info.ProjectTimeSamples = 24000 * 10;
        clock.Advance(info, 64);
        Assert.Equal(10, clock.Current.PositionQuarters, 12);
        Assert.Equal(8, clock.Current.BarStartQuarters, 12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    public void Absurd_positions_are_not_believed(double position)
    {
        var clock = new TransportClock(Rate);
        TransportInfo info = Playing(120, 0);
        info.ProjectTimeMusic = position;
        info.BarPositionMusic = position;
        clock.Advance(info, 64);
        Assert.True(double.IsFinite(clock.Current.PositionQuarters));
        Assert.True(double.IsFinite(clock.Current.BarStartQuarters));
        Assert.True(clock.Current.BarStartQuarters <= clock.Current.PositionQuarters);
    }

    [Fact]
    public void Inverted_cycle_is_ignored()
    {
        var clock = new TransportClock(Rate);
        clock.Advance(WithCycle(Playing(120, 0), 8, 4), 64);
        Assert.False(clock.Current.CycleActive);
        Assert.Equal(-1, clock.Current.CycleWrapOffset());
    }

    [Fact]
    public void Block_start_sample_counts_every_processed_sample()
    {
        var clock = new TransportClock(Rate);
        clock.Advance(default, 100);
        clock.Advance(default, 0);
        clock.Advance(default, 28);
        clock.Advance(default, 1);
        Assert.Equal(128, clock.Current.BlockStartSample);
    }

    /// <summary>A playing block as Ardour 7 sends it: the musical position rounded to 1/1920 quarter, the samples exact.</summary>
    private static TransportInfo Rounded(double tempo, long samples, double quartersOffset = 0)
    {
        double spq = Rate * 60 / tempo;
        TransportInfo info = Playing(tempo, 0);
        info.ProjectTimeSamples = samples;
        info.ProjectTimeMusic = Math.Round((samples / spq + quartersOffset) * 1920) / 1920;
        info.BarPositionMusic = Math.Floor(info.ProjectTimeMusic / 4) * 4;
        return info;
    }

    [Fact]
    public void Positions_rounded_to_ticks_are_read_from_the_samples_and_never_look_like_a_jump()
    {
        // As Ardour exports: the first block is a pre-roll 768 samples before the song's start, its position rounded.
        var clock = new TransportClock(Rate);
        long samples = -768;
        int[] blocks = [768, 256, 1024, 333, 1, 4096, 777];
        for (int i = 0; i < 40; i++)
        {
            int n = blocks[i % blocks.Length];
            clock.Advance(Rounded(120, samples), n);
            Assert.Equal(i == 0 ? TransportChange.Started : TransportChange.None, clock.Current.Change);
            Assert.Equal(samples / 24000.0, clock.Current.PositionQuarters);
            samples += n;
        }
    }

    [Fact]
    public void After_a_tempo_change_rounded_positions_run_on_from_the_clocks_own_count()
    {
        // Three quarters ahead of what the samples say at this tempo (an earlier, slower tempo): the samples cannot give
        // the position, but their steady count still tells a rounding from a jump.
        var clock = new TransportClock(Rate);
        long samples = 480000;
        clock.Advance(Rounded(120, samples, 3), 701);
        double start = clock.Current.PositionQuarters;
        Assert.Equal(samples / 24000.0 + 3, start, 1.0 / 1920);
        for (int i = 1; i <= 30; i++)
        {
            samples += 701;
            clock.Advance(Rounded(120, samples, 3), 701);
            Assert.Equal(TransportChange.None, clock.Current.Change);
            Assert.Equal(start + i * 701 / 24000.0, clock.Current.PositionQuarters, 1e-9);
        }
    }

    [Fact]
    public void A_real_jump_is_still_a_jump_when_the_host_rounds()
    {
        var clock = new TransportClock(Rate);
        clock.Advance(Rounded(120, 0), 512);
        clock.Advance(Rounded(120, 512), 512);
        Assert.Equal(TransportChange.None, clock.Current.Change);
        // The samples run on but the song position moves by a quarter (the host's tempo map was edited under it) ...
        clock.Advance(Rounded(120, 1024, 1), 512);
        Assert.Equal(TransportChange.Jumped, clock.Current.Change);
        // ... and a locate moves both.
        clock.Advance(Rounded(120, 96000), 512);
        Assert.Equal(TransportChange.Jumped, clock.Current.Change);
        Assert.Equal(4, clock.Current.PositionQuarters);
    }

    private static TransportInfo WithCycle(TransportInfo info, double start, double end)
    {
        info.Flags |= TransportFlags.CycleActive | TransportFlags.CycleValid;
        info.CycleStartMusic = start;
        info.CycleEndMusic = end;
        return info;
    }
}
