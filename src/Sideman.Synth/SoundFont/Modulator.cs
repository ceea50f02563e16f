namespace Sideman.Synth.SoundFont;

/// <summary>
/// A playable modulator: two decoded sources, a destination generator, an amount and a transform.
/// Built once when a bank is loaded; evaluated at note-on and on controller changes.
/// </summary>
public readonly struct Modulator
{
    public Modulator(in ModulatorRecord record)
    {
        Record = record;
        Source = new ModulatorSource(record.Source);
        AmountSource = new ModulatorSource(record.AmountSource);
        Destination = (GeneratorType)record.Destination;
        Amount = record.Amount;
        AbsoluteValue = record.Transform == 2;
    }

    public ModulatorRecord Record { get; }

    public ModulatorSource Source { get; }

    public ModulatorSource AmountSource { get; }

    public GeneratorType Destination { get; }

    public double Amount { get; }

    public bool AbsoluteValue { get; }

    /// <summary>True when this modulator can do anything: usable sources, a real destination, a known transform.</summary>
    public bool IsPlayable =>
        !Record.IsLinked && Source.IsUsable && AmountSource.IsUsable
        && (int)Destination < GeneratorInfo.Count && !GeneratorInfo.IsNonAdditive(Destination)
        && (Record.Transform == 0 || Record.Transform == 2);

    /// <summary>Whether the value depends on MIDI controllers (and must be re-evaluated when they move).</summary>
    public bool DependsOnControllers =>
        IsController(Source) || IsController(AmountSource);

    /// <summary>The modulator's contribution for the given controller state, in the destination's units.</summary>
    public double Evaluate(ControllerState controllers, int key, int velocity)
    {
        double a = Read(Source, controllers, key, velocity);
        if (a == 0) return 0;
        double b = Read(AmountSource, controllers, key, velocity);
        double v = Amount * a * b;
        return AbsoluteValue ? Math.Abs(v) : v;
    }

    private static bool IsController(ModulatorSource s) =>
        s.IsMidiController || s.Index is ModulatorSource.PolyPressure or ModulatorSource.ChannelPressure
            or ModulatorSource.PitchWheel or ModulatorSource.PitchWheelSensitivity;

    private static double Read(ModulatorSource s, ControllerState c, int key, int velocity)
    {
        if (s.IsConstantOne) return 1.0;
        double x;
        if (s.IsMidiController)
        {
            x = c.Controller(s.Index) / 128.0;
        }
        else
        {
            switch (s.Index)
            {
                case ModulatorSource.NoteOnVelocity: x = velocity / 128.0; break;
                case ModulatorSource.NoteOnKey: x = key / 128.0; break;
                case ModulatorSource.PolyPressure: x = c.PolyPressure(key) / 128.0; break;
                case ModulatorSource.ChannelPressure: x = c.ChannelPressure / 128.0; break;
                case ModulatorSource.PitchWheel: x = c.PitchBend / 16384.0; break;
                case ModulatorSource.PitchWheelSensitivity:
                    // The default pitch-wheel modulator has amount 12700; reading the range this way
                    // makes a bend of N semitones exactly N·100 cents instead of N·99.2.
                    return s.Map(Math.Min(1.0, c.PitchBendRangeCents / 12700.0));
                default: return 0;
            }
        }
        // Negative direction maps the top value to exactly 0 (127 → 0, 0 → 127/128), as hardware
        // does: Map() flips x to 1 - x, so shift x up by one controller step first.
        if (s.IsNegative)
        {
            double step = !s.IsMidiController && s.Index == ModulatorSource.PitchWheel ? 1.0 / 16384.0 : 1.0 / 128.0;
            x += step;
        }
        return s.Map(x);
    }
}
