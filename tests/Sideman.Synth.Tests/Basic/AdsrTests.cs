using Sideman.Synth.Basic;

namespace Sideman.Synth.Tests.Basic;

public class AdsrTests
{
    [Fact]
    public void Attack_rises_linearly_to_full_in_the_attack_time()
    {
        var env = new Adsr();
        env.Configure(48000, attackMs: 10, decayMs: 500, sustainLevel: 0.5, releaseMs: 100);
        env.Start();
        float quarter = 0;
        int samples = 0;
        while (env.Stage == EnvelopeStage.Attack)
        {
            float level = env.Next();
            samples++;
            if (samples == 120)
                quarter = level;
        }
        Assert.InRange(samples, 480, 481);
        Assert.Equal(0.25f, quarter, 1e-4f);
        Assert.Equal(1f, env.Level);
    }

    [Fact]
    public void Decay_settles_on_the_sustain_level()
    {
        var env = new Adsr();
        env.Configure(48000, 1, decayMs: 100, sustainLevel: 0.4, releaseMs: 100);
        env.Start();
        for (int i = 0; i < 48000; i++)
            env.Next();
        Assert.Equal(EnvelopeStage.Sustain, env.Stage);
        Assert.Equal(0.4f, env.Level);
    }

    [Fact]
    public void Release_falls_60_db_in_the_release_time_and_ends_at_exactly_zero()
    {
        var env = new Adsr();
        env.Configure(48000, 1, 1, sustainLevel: 1, releaseMs: 100);
        env.Start();
        for (int i = 0; i < 1000; i++)
            env.Next();
        env.Release();
        for (int i = 0; i < 4800; i++)
            env.Next();
        Assert.Equal(0.001, env.Level, 0.00002);
        int more = 0;
        while (env.IsActive && more < 48000)
        {
            env.Next();
            more++;
        }
        Assert.False(env.IsActive);
        Assert.Equal(0f, env.Level);
        Assert.InRange(more, 1000, 2000); // -60 dB to -74 dB takes another ~23 % of the release time
    }

    [Fact]
    public void Changing_the_attack_mid_note_keeps_the_level_continuous()
    {
        var env = new Adsr();
        env.Configure(48000, attackMs: 100, 100, 0.5, 100);
        env.Start();
        float before = 0;
        for (int i = 0; i < 1000; i++)
            before = env.Next();
        env.Configure(48000, attackMs: 1000, 100, 0.5, 100);
        float after = env.Next();
        Assert.InRange(after - before, 0f, 1f / 48000f + 1e-6f);
    }
}
