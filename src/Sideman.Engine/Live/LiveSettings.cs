using Sideman.Engine.Parameters;
using Sideman.Music.Patterns;
using Sideman.Synth.SoundFont;
using P = Sideman.Engine.EngineParameters;

namespace Sideman.Engine.Live;

/// <summary>
/// The live band's parameters as the performer reads them at the start of each block: plain values turned
/// into what they mean (energy as a level, surprise as a temperature, grace window in ms). A value type
/// filled in place, so reading it allocates nothing. [audio]
/// </summary>
public struct LiveSettings
{
    private const int Parts = BandSynth.PartCount;

    public bool BandOn;
    public bool ChartMode;
    public int Style;
    /// <summary>The Energy parameter, 0..4 (the model's levels are its whole numbers).</summary>
    public double Energy;
    /// <summary>How far the player's playing pushes energy, 0..1.</summary>
    public double FollowDynamics;
    /// <summary>Sampling temperature.</summary>
    public float Temperature;
    /// <summary>0 = straight, 1 = offbeats moved to the triplet.</summary>
    public double Swing;
    /// <summary>0..1 of the largest timing and velocity scatter.</summary>
    public double Humanize;
    public SectionKind Section;
    public bool AutoFill;
    public bool Intro;
    public bool Ending;
    public int Lookahead;
    public int Seed;
    /// <summary>Keys at or above are the player's melody, not chords (128: none).</summary>
    public int SplitKey;
    public bool Latch;
    public double GraceMs;
    /// <summary>Lowest key of the keyswitch octave, or -1.</summary>
    public int KeyswitchLow;
    public PartFlags Play;
    public PartFlags Lock;
    public PartOctaves Octave;

    /// <summary>Every parameter the live band reads (the engine gives them no other role; Fill and the Regenerates reach
    /// the performer as triggers, <see cref="Band.BandTriggers"/>).</summary>
    public static IReadOnlyList<ParameterDefinition> Parameters { get; } =
    [
        P.BandOn, P.ChordSource, P.Energy, P.FollowDynamics, P.Surprise, P.Swing, P.Humanize, P.Section, P.Fill, P.AutoFill,
        P.Intro, P.Ending, P.Lookahead, P.Seed, P.SplitKey, P.Latch, P.GraceWindow, P.KeyswitchOctave,
        .. P.PartPlays, .. P.PartLocks, .. P.PartRegenerates, P.BassOctave, P.KeysOctave, P.PadOctave, P.ArpOctave,
    ];

    /// <summary>Lowest and highest temperature the Surprise parameter spans (50% = 1.0, the model's own distribution).</summary>
    public const float MinTemperature = 0.5f, MaxTemperature = 1.5f;

    /// <summary>[audio] Reads every value from the engine's plain values (by parameter index).</summary>
    public void Read(ReadOnlySpan<double> plain)
    {
        BandOn = plain[P.BandOn.Index] >= 0.5;
        ChartMode = (int)plain[P.ChordSource.Index] == LiveBandChoices.Chart;
        Style = (int)plain[P.Style.Index];
        Energy = Math.Clamp(plain[P.Energy.Index], 0, 4);
        FollowDynamics = Math.Clamp(plain[P.FollowDynamics.Index] / 100, 0, 1);
        Temperature = (float)(MinTemperature + (MaxTemperature - MinTemperature) * Math.Clamp(plain[P.Surprise.Index] / 100, 0, 1));
        Swing = Math.Clamp(plain[P.Swing.Index] / 100, 0, 1);
        Humanize = Math.Clamp(plain[P.Humanize.Index] / 100, 0, 1);
        Section = LiveBandChoices.SectionAt((int)plain[P.Section.Index]);
        AutoFill = plain[P.AutoFill.Index] >= 0.5;
        Intro = plain[P.Intro.Index] >= 0.5;
        Ending = plain[P.Ending.Index] >= 0.5;
        Lookahead = Math.Clamp((int)plain[P.Lookahead.Index], 1, 4);
        Seed = (int)plain[P.Seed.Index];
        SplitKey = (int)plain[P.SplitKey.Index];
        Latch = plain[P.Latch.Index] >= 0.5;
        GraceMs = Math.Clamp(plain[P.GraceWindow.Index], 0, 250);
        KeyswitchLow = LiveBandChoices.KeyswitchLowKey((int)plain[P.KeyswitchOctave.Index]);
        for (int p = 0; p < Parts; p++)
        {
            Play[p] = plain[P.PartPlays[p].Index] >= 0.5;
            Lock[p] = plain[P.PartLocks[p].Index] >= 0.5;
            ParameterDefinition? octave = P.PartOctaves[p];
            Octave[p] = octave is null ? 0 : (int)plain[octave.Index];
        }
    }
}

/// <summary>One flag per band part, inline (no array to allocate).</summary>
[System.Runtime.CompilerServices.InlineArray(BandSynth.PartCount)]
public struct PartFlags
{
    private bool _first;
}

/// <summary>One octave shift per band part, inline.</summary>
[System.Runtime.CompilerServices.InlineArray(BandSynth.PartCount)]
public struct PartOctaves
{
    private int _first;
}
