namespace Sideman.Music.Time;

/// <summary>Which fields of a <see cref="TransportInfo"/> the host filled in. Bit values match the
/// bridge ABI's SM_TRANSPORT_* flags.</summary>
[Flags]
public enum TransportFlags : uint
{
    None = 0,
    Playing = 1u << 0,
    Recording = 1u << 1,
    CycleActive = 1u << 2,
    TempoValid = 1u << 3,
    TimeSignatureValid = 1u << 4,
    ProjectTimeMusicValid = 1u << 5,
    BarPositionValid = 1u << 6,
    CycleValid = 1u << 7,
    ContinuousTimeValid = 1u << 8,
    /// <summary>The host supplied a transport context at all.</summary>
    Present = 1u << 31,
}
