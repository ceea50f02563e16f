namespace Sideman.Engine.Parameters;

/// <summary>
/// One parameter: its stable string id (what the state stores), the numeric id hosts see, its
/// texts, scale, default and flags. Immutable; the mappings are safe on any thread.
/// Declare parameters in <see cref="EngineParameters"/> through <see cref="ParameterDeclarations"/>.
/// </summary>
public sealed class ParameterDefinition
{
    public const int NoMidiController = -1;

    internal ParameterDefinition(int index, string stringId, string title, string shortTitle, string units,
        ParameterScale scale, double defaultPlain, ParameterFlags flags, int midiController)
    {
        Index = index;
        StringId = stringId;
        Id = ParameterId.FromString(stringId);
        Title = title;
        ShortTitle = shortTitle;
        Units = units;
        Scale = scale;
        Flags = flags;
        MidiController = midiController;
        DefaultPlain = scale.Sanitize(defaultPlain);
        DefaultNormalized = scale.ToNormalized(DefaultPlain);
    }

    /// <summary>Position in declaration order: the host's parameter index and the engine's value slot.</summary>
    public int Index { get; }

    /// <summary>Stable id, e.g. "master.volume". Never change it once released: saved songs use it.</summary>
    public string StringId { get; }

    /// <summary>The host-facing 31-bit id, <see cref="ParameterId.FromString"/> of <see cref="StringId"/>.</summary>
    public uint Id { get; }

    public string Title { get; }
    public string ShortTitle { get; }
    public string Units { get; }
    public ParameterScale Scale { get; }
    public double DefaultPlain { get; }
    public double DefaultNormalized { get; }
    public ParameterFlags Flags { get; }

    /// <summary>MIDI CC 0..127 or a <see cref="Sideman.Music.Midi.MidiControllers"/> pseudo controller that
    /// the host maps onto this parameter, or <see cref="NoMidiController"/>.</summary>
    public int MidiController { get; }

    public int StepCount => Scale.StepCount;
    public bool IsPersisted => (Flags & ParameterFlags.NotPersisted) == 0;
    public bool Has(ParameterFlags flag) => (Flags & flag) == flag;

    /// <summary>[any] Normalized to plain. Out-of-range input clamps; NaN gives the default.</summary>
    public double ToPlain(double normalized)
    {
        if (double.IsNaN(normalized))
            return DefaultPlain;
        return Scale.ToPlain(normalized < 0 ? 0 : normalized > 1 ? 1 : normalized);
    }

    /// <summary>[any] Plain to normalized (0..1). Out-of-range input clamps; NaN gives the default.</summary>
    public double ToNormalized(double plain) => double.IsNaN(plain) ? DefaultNormalized : Scale.ToNormalized(plain);

    /// <summary>[any] The nearest valid plain value (clamped, snapped); NaN gives the default. Valid values pass unchanged.</summary>
    public double Sanitize(double plain) => double.IsNaN(plain) ? DefaultPlain : Scale.Sanitize(plain);

    /// <summary>[main] Display text for a normalized value (without units).</summary>
    public string FormatNormalized(double normalized) => Scale.Format(ToPlain(normalized));

    /// <summary>[main] Display text for a plain value (without units).</summary>
    public string FormatPlain(double plain) => Scale.Format(Sanitize(plain));

    /// <summary>[main] Parses user text (units optional) into a normalized value; false if unparsable.</summary>
    public bool TryParseNormalized(string text, out double normalized)
    {
        normalized = DefaultNormalized;
        if (text is null)
            return false;
        string t = text.Trim();
        if (Units.Length > 0 && t.EndsWith(Units, StringComparison.OrdinalIgnoreCase) && t.Length > Units.Length)
            t = t[..^Units.Length];
        if (t.Length == 0 || !Scale.TryParse(t, out double plain) || double.IsNaN(plain))
            return false;
        normalized = Scale.ToNormalized(plain);
        return true;
    }

    public override string ToString() => $"{StringId} (#{Id})";
}
