namespace Sideman.Synth.SoundFont;

/// <summary>
/// Facts about each generator from the SF2.04 spec (section 8.1.3): its default value, its legal
/// range, and whether a preset zone may set it. Results of adding preset to instrument values are
/// clamped to the legal range, as the spec asks.
/// </summary>
public static class GeneratorInfo
{
    /// <summary>Number of generator slots we keep per zone (0..60).</summary>
    public const int Count = 61;

    private static readonly short[] Defaults = BuildDefaults();
    private static readonly int[] Min = new int[Count];
    private static readonly int[] Max = new int[Count];

    static GeneratorInfo()
    {
        // Sums of two 16-bit amounts; address offsets stay unclamped here (the voice clamps them to the sample).
        for (int i = 0; i < Count; i++) { Min[i] = 2 * short.MinValue; Max[i] = 2 * short.MaxValue; }
        SetRange(GeneratorType.ModLfoToPitch, -12000, 12000);
        SetRange(GeneratorType.VibLfoToPitch, -12000, 12000);
        SetRange(GeneratorType.ModEnvToPitch, -12000, 12000);
        SetRange(GeneratorType.InitialFilterFc, 1500, 13500);
        SetRange(GeneratorType.InitialFilterQ, 0, 960);
        SetRange(GeneratorType.ModLfoToFilterFc, -12000, 12000);
        SetRange(GeneratorType.ModEnvToFilterFc, -12000, 12000);
        SetRange(GeneratorType.ModLfoToVolume, -960, 960);
        SetRange(GeneratorType.ChorusEffectsSend, 0, 1000);
        SetRange(GeneratorType.ReverbEffectsSend, 0, 1000);
        SetRange(GeneratorType.Pan, -500, 500);
        SetRange(GeneratorType.DelayModLfo, -12000, 5000);
        SetRange(GeneratorType.FreqModLfo, -16000, 4500);
        SetRange(GeneratorType.DelayVibLfo, -12000, 5000);
        SetRange(GeneratorType.FreqVibLfo, -16000, 4500);
        SetRange(GeneratorType.DelayModEnv, -12000, 5000);
        SetRange(GeneratorType.AttackModEnv, -12000, 8000);
        SetRange(GeneratorType.HoldModEnv, -12000, 5000);
        SetRange(GeneratorType.DecayModEnv, -12000, 8000);
        SetRange(GeneratorType.SustainModEnv, 0, 1000);
        SetRange(GeneratorType.ReleaseModEnv, -12000, 8000);
        SetRange(GeneratorType.KeynumToModEnvHold, -1200, 1200);
        SetRange(GeneratorType.KeynumToModEnvDecay, -1200, 1200);
        SetRange(GeneratorType.DelayVolEnv, -12000, 5000);
        SetRange(GeneratorType.AttackVolEnv, -12000, 8000);
        SetRange(GeneratorType.HoldVolEnv, -12000, 5000);
        SetRange(GeneratorType.DecayVolEnv, -12000, 8000);
        SetRange(GeneratorType.SustainVolEnv, 0, 1440);
        SetRange(GeneratorType.ReleaseVolEnv, -12000, 8000);
        SetRange(GeneratorType.KeynumToVolEnvHold, -1200, 1200);
        SetRange(GeneratorType.KeynumToVolEnvDecay, -1200, 1200);
        SetRange(GeneratorType.Keynum, -1, 127);
        SetRange(GeneratorType.Velocity, -1, 127);
        SetRange(GeneratorType.InitialAttenuation, 0, 1440);
        SetRange(GeneratorType.CoarseTune, -120, 120);
        SetRange(GeneratorType.FineTune, -99, 99);
        SetRange(GeneratorType.SampleModes, 0, 3);
        SetRange(GeneratorType.ScaleTuning, 0, 1200);
        SetRange(GeneratorType.ExclusiveClass, 0, 127);
        SetRange(GeneratorType.OverridingRootKey, -1, 127);
    }

    /// <summary>The spec's default value of a generator.</summary>
    public static short DefaultOf(GeneratorType type) => (int)type < Count ? Defaults[(int)type] : (short)0;

    /// <summary>Clamps a summed generator value into the spec's legal range.</summary>
    public static int Clamp(GeneratorType type, int value)
    {
        int i = (int)type;
        if (i >= Count) return value;
        return value < Min[i] ? Min[i] : value > Max[i] ? Max[i] : value;
    }

    /// <summary>
    /// True for generators that only instrument zones may set (sample addresses, key/velocity
    /// overrides, sample modes, exclusive class, root key). A preset zone that sets one is ignored.
    /// </summary>
    public static bool IsInstrumentOnly(GeneratorType type) => type switch
    {
        GeneratorType.StartAddrsOffset or GeneratorType.EndAddrsOffset
            or GeneratorType.StartloopAddrsOffset or GeneratorType.EndloopAddrsOffset
            or GeneratorType.StartAddrsCoarseOffset or GeneratorType.EndAddrsCoarseOffset
            or GeneratorType.StartloopAddrsCoarseOffset or GeneratorType.EndloopAddrsCoarseOffset
            or GeneratorType.Keynum or GeneratorType.Velocity or GeneratorType.SampleModes
            or GeneratorType.ExclusiveClass or GeneratorType.OverridingRootKey => true,
        _ => false,
    };

    /// <summary>True for operators that are never summed: ranges, links, unused and reserved slots.</summary>
    public static bool IsNonAdditive(GeneratorType type) => type switch
    {
        GeneratorType.KeyRange or GeneratorType.VelRange or GeneratorType.Instrument
            or GeneratorType.SampleId or GeneratorType.Unused1 or GeneratorType.Unused2
            or GeneratorType.Unused3 or GeneratorType.Unused4 or GeneratorType.Unused5
            or GeneratorType.Reserved1 or GeneratorType.Reserved2 or GeneratorType.Reserved3
            or GeneratorType.EndOper => true,
        _ => false,
    };

    private static void SetRange(GeneratorType type, int min, int max)
    {
        Min[(int)type] = min;
        Max[(int)type] = max;
    }

    private static short[] BuildDefaults()
    {
        var d = new short[Count];
        d[(int)GeneratorType.InitialFilterFc] = 13500;
        foreach (var t in new[]
                 {
                     GeneratorType.DelayModLfo, GeneratorType.DelayVibLfo, GeneratorType.DelayModEnv,
                     GeneratorType.AttackModEnv, GeneratorType.HoldModEnv, GeneratorType.DecayModEnv,
                     GeneratorType.ReleaseModEnv, GeneratorType.DelayVolEnv, GeneratorType.AttackVolEnv,
                     GeneratorType.HoldVolEnv, GeneratorType.DecayVolEnv, GeneratorType.ReleaseVolEnv,
                 })
        {
            d[(int)t] = -12000;
        }
        d[(int)GeneratorType.KeyRange] = 127 << 8;      // lo 0, hi 127
        d[(int)GeneratorType.VelRange] = 127 << 8;
        d[(int)GeneratorType.Keynum] = -1;
        d[(int)GeneratorType.Velocity] = -1;
        d[(int)GeneratorType.ScaleTuning] = 100;
        d[(int)GeneratorType.OverridingRootKey] = -1;
        return d;
    }
}
