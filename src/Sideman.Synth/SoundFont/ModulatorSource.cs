namespace Sideman.Synth.SoundFont;

/// <summary>
/// A decoded modulator source word: controller index, CC flag, direction, polarity and curve.
/// Maps a raw controller value to the spec's normalized range: [0, 1] unipolar or [-1, 1] bipolar.
/// </summary>
public readonly struct ModulatorSource
{
    /// <summary>General controller indices (when <see cref="IsMidiController"/> is false).</summary>
    public const int NoController = 0, NoteOnVelocity = 2, NoteOnKey = 3, PolyPressure = 10,
        ChannelPressure = 13, PitchWheel = 14, PitchWheelSensitivity = 16, Link = 127;

    public ModulatorSource(ushort raw)
    {
        Raw = raw;
        Index = raw & 0x7F;
        IsMidiController = (raw & 0x80) != 0;
        IsNegative = (raw & 0x100) != 0;
        IsBipolar = (raw & 0x200) != 0;
        int curve = raw >> 10;
        Curve = curve <= 3 ? (ModulatorCurve)curve : ModulatorCurve.Linear;
        IsKnownCurve = curve <= 3;
    }

    public ushort Raw { get; }

    public int Index { get; }

    public bool IsMidiController { get; }

    public bool IsNegative { get; }

    public bool IsBipolar { get; }

    public ModulatorCurve Curve { get; }

    public bool IsKnownCurve { get; }

    /// <summary>
    /// True when the source can drive a modulator. The spec forbids some CCs as sources (bank
    /// select, data entry, RPN/NRPN, channel mode messages) and links are not played.
    /// </summary>
    public bool IsUsable
    {
        get
        {
            if (!IsKnownCurve) return false;
            if (!IsMidiController)
            {
                return Index is NoController or NoteOnVelocity or NoteOnKey or PolyPressure
                    or ChannelPressure or PitchWheel or PitchWheelSensitivity;
            }
            return Index is not (0 or 6 or 32 or 38 or 98 or 99 or 100 or 101) && Index < 120;
        }
    }

    /// <summary>True for "no controller" with no CC flag: the source reads as a constant 1.</summary>
    public bool IsConstantOne => !IsMidiController && Index == NoController;

    /// <summary>
    /// Maps a controller position x in [0, 1] (already divided by its range) through direction,
    /// curve and polarity.
    /// </summary>
    public double Map(double x)
    {
        if (IsNegative) x = 1.0 - x;
        if (!IsBipolar) return Shape(Curve, x);
        // Bipolar: the curve is mirrored around the centre so both halves bend the same way.
        double centered = 2.0 * x - 1.0;
        if (Curve == ModulatorCurve.Switch) return x >= 0.5 ? 1.0 : -1.0;
        return centered >= 0 ? Shape(Curve, centered) : -Shape(Curve, -centered);
    }

    /// <summary>The unipolar curve shapes; concave follows the 40·log10 velocity law the spec uses.</summary>
    public static double Shape(ModulatorCurve curve, double x)
    {
        if (x <= 0) return curve == ModulatorCurve.Switch ? 0 : 0;
        if (x >= 1) return 1;
        switch (curve)
        {
            case ModulatorCurve.Concave: return Concave(x);
            case ModulatorCurve.Convex: return 1.0 - Concave(1.0 - x);
            case ModulatorCurve.Switch: return x >= 0.5 ? 1.0 : 0.0;
            default: return x;
        }
    }

    // 960 cB of concave modulation gives 40·log10(1/(1-x)) dB: the GM velocity/volume law.
    private static double Concave(double x)
    {
        double v = -(40.0 / 96.0) * Math.Log10(1.0 - x);
        return v > 1 ? 1 : v;
    }
}
