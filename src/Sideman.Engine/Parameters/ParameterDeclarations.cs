namespace Sideman.Engine.Parameters;

/// <summary>
/// Collects parameter declarations in order, so declaring a parameter is one line and its index
/// is its position. <see cref="Build"/> validates the whole list (ids, collisions) at startup.
/// </summary>
public sealed class ParameterDeclarations
{
    private readonly List<ParameterDefinition> _declared = [];
    private bool _built;

    /// <summary>The general form; the helpers below cover the common kinds.</summary>
    public ParameterDefinition Add(string stringId, string title, string shortTitle, string units, ParameterScale scale,
        double defaultPlain, ParameterFlags flags = ParameterFlags.Automatable, int midiController = ParameterDefinition.NoMidiController)
    {
        if (_built)
            throw new InvalidOperationException($"Parameter '{stringId}' was declared after the list was built.");
        var definition = new ParameterDefinition(_declared.Count, stringId, title, shortTitle, units, scale, defaultPlain, flags, midiController);
        _declared.Add(definition);
        return definition;
    }

    /// <summary>A volume in dB, -inf at the bottom, <paramref name="maxDb"/> at the top.</summary>
    public ParameterDefinition Decibels(string stringId, string title, string shortTitle, double maxDb, double defaultDb) =>
        Add(stringId, title, shortTitle, "dB", new DecibelScale(maxDb), defaultDb);

    /// <summary>A time in milliseconds on a skewed range (half travel = <paramref name="midpointMs"/>).</summary>
    public ParameterDefinition Milliseconds(string stringId, string title, string shortTitle, double minMs, double maxMs, double midpointMs, double defaultMs) =>
        Add(stringId, title, shortTitle, "ms", SkewedScale.Milliseconds(minMs, maxMs, midpointMs), defaultMs);

    /// <summary>A continuous linear range.</summary>
    public ParameterDefinition Linear(string stringId, string title, string shortTitle, string units, double min, double max, double defaultValue, int decimals = 2) =>
        Add(stringId, title, shortTitle, units, new LinearScale(min, max, decimals), defaultValue);

    /// <summary>A whole number min..max.</summary>
    public ParameterDefinition Integer(string stringId, string title, string shortTitle, int min, int max, int defaultValue) =>
        Add(stringId, title, shortTitle, "", new IntegerScale(min, max), defaultValue);

    /// <summary>A choice among names; the default is given by name.</summary>
    public ParameterDefinition List(string stringId, string title, string shortTitle, IReadOnlyList<string> names, string defaultName) =>
        Add(stringId, title, shortTitle, "", new ListScale(names), IndexOf(names, defaultName, stringId), ParameterFlags.Automatable | ParameterFlags.List);

    /// <summary>A percentage 0..100 (sends, returns, amounts), whole steps shown.</summary>
    public ParameterDefinition Percent(string stringId, string title, string shortTitle, double defaultPercent) =>
        Add(stringId, title, shortTitle, "%", new LinearScale(0, 100, decimals: 0), defaultPercent);

    /// <summary>A stereo position, -100 (left) .. +100 (right), shown as "30L", "C", "30R".</summary>
    public ParameterDefinition Pan(string stringId, string title, string shortTitle, double defaultPan) =>
        Add(stringId, title, shortTitle, "", new PanScale(), defaultPan);

    /// <summary>On/off.</summary>
    public ParameterDefinition Toggle(string stringId, string title, string shortTitle, bool defaultOn) =>
        List(stringId, title, shortTitle, ["Off", "On"], defaultOn ? "On" : "Off");

    /// <summary>
    /// A momentary action (regenerate, fill): an Off/On switch that hosts show and automate; the engine acts on each
    /// rise from off to on that arrives while playing, however short. Its value is saved like any other (so host
    /// and plugin agree on it), but loading a song never counts as a rise: opening a song triggers nothing.
    /// </summary>
    public ParameterDefinition Trigger(string stringId, string title, string shortTitle) => Toggle(stringId, title, shortTitle, defaultOn: false);

    /// <summary>
    /// A hidden target for a MIDI controller (sustain, mod wheel, pitch bend): hosts route the controller
    /// here through IMidiMapping. Performance data, so never saved in state.
    /// </summary>
    public ParameterDefinition MidiControllerTarget(string stringId, string title, string shortTitle, int controller, double min, double max, double defaultValue) =>
        Add(stringId, title, shortTitle, "", new LinearScale(min, max, 2), defaultValue,
            ParameterFlags.Automatable | ParameterFlags.Hidden | ParameterFlags.NotPersisted, controller);

    /// <summary>Validates and freezes the list. Call once, after the last declaration.</summary>
    public ParameterSet Build()
    {
        _built = true;
        return new ParameterSet(_declared);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name, string stringId)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
                return i;
        }
        throw new ArgumentException($"Default '{name}' of parameter '{stringId}' is not one of its items.");
    }
}
