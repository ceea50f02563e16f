namespace Sideman.Engine.Parameters;

/// <summary>How a parameter behaves towards the host and the saved state. The low bits match the
/// bridge ABI's SM_PARAM_* flags; <see cref="NotPersisted"/> is ours only.</summary>
[Flags]
public enum ParameterFlags
{
    None = 0,
    Automatable = 1,
    ReadOnly = 2,
    /// <summary>Stepped, with a name per step.</summary>
    List = 4,
    /// <summary>Not shown in host parameter lists (e.g. MIDI controller targets).</summary>
    Hidden = 8,
    Bypass = 16,
    /// <summary>A performance control (pedal, wheel, bend): never written to or read from state.</summary>
    NotPersisted = 256,
}
