namespace Sideman.Model.Decoding;

/// <summary>How a <see cref="PartGenerator"/> samples. Same settings, seed and inputs give the same tokens.</summary>
public sealed record GeneratorSettings
{
    /// <summary>The user's seed; every bar draws from (seed, bar index, part).</summary>
    public ulong Seed { get; init; }

    public SamplingSettings Sampling { get; init; } = SamplingSettings.Default;

    /// <summary>Most tokens the model may write in one bar after its conditioning (chosen chords and events); then the bar is closed.</summary>
    public int MaxBarTokens { get; init; } = 256;

    /// <summary>Samples of a bar the originality guard tries before it perturbs the last one.</summary>
    public int GuardAttempts { get; init; } = 8;

    /// <summary>
    /// The musical guard: how many samples of a bar it may draw when one breaks the part's rules (<see cref="MusicalRules"/>),
    /// and the bass's grace on beat one. On by default; <see cref="MusicalGuardSettings.Off"/> turns it off.
    /// </summary>
    public MusicalGuardSettings MusicalGuard { get; init; } = MusicalGuardSettings.Default;

    /// <summary>
    /// How hard each bar is steered towards its energy level's note count (<see cref="DensityTargets"/>, when the model has
    /// them): where the model may end the bar, its end is made likelier by this much (in nats) per note over the figure and
    /// less likely per note under it, divided by the square root of the figure (a note matters more in a sparse bar). 0 = off.
    /// </summary>
    public double DensitySteering { get; init; } = DefaultDensitySteering;

    public const double DefaultDensitySteering = 2.0;

    /// <summary>
    /// How far each kept bar's shortfall against its level's figure moves that level's set point for the bars after it
    /// (<see cref="DensityFeedback"/>): 0.5 moves it by half a note per note missed. 0 = steer towards the figures only.
    /// </summary>
    public double DensityFeedback { get; init; } = DefaultDensityFeedback;

    public const double DefaultDensityFeedback = 0.5;

    /// <summary>When the context is full, keep at most this share of it (the newest whole bars) and re-prefill.</summary>
    public double SlideKeepFraction { get; init; } = 0.5;

    /// <summary>
    /// At a bar line, slide the window when less room than this is left after the bar's conditioning;
    /// a bar that still outgrows the context slides inside the bar. Larger = fewer slides inside bars.
    /// </summary>
    public int BarLineHeadroom { get; init; } = 48;

    /// <summary>Keep every generated token (for --tokens-out and evaluation). Off in the engine: it grows with the song.</summary>
    public bool KeepTranscript { get; init; }

    public void Validate()
    {
        Sampling.Validate();
        MusicalGuard.Validate();
        if (MaxBarTokens < 8)
            throw new ArgumentOutOfRangeException(nameof(MaxBarTokens), MaxBarTokens, "a bar needs room for at least 8 tokens");
        if (GuardAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(GuardAttempts), GuardAttempts, "the guard needs at least one attempt");
        if (!(DensitySteering >= 0 && DensitySteering <= 10))
            throw new ArgumentOutOfRangeException(nameof(DensitySteering), DensitySteering, "must be 0 (off) to 10");
        if (!(DensityFeedback >= 0 && DensityFeedback <= 2))
            throw new ArgumentOutOfRangeException(nameof(DensityFeedback), DensityFeedback, "must be 0 (off) to 2");
        if (BarLineHeadroom < 1)
            throw new ArgumentOutOfRangeException(nameof(BarLineHeadroom), BarLineHeadroom, "must be at least 1");
        if (!(SlideKeepFraction > 0 && SlideKeepFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(SlideKeepFraction), SlideKeepFraction, "must be between 0 and 1");
    }
}
