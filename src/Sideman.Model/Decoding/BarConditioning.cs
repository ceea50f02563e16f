using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Decoding;

/// <summary>
/// What the caller fixes for one bar: its index in the song (it seeds the bar's random stream), metre,
/// section and energy (0..4), and, for pitched parts, the chords if the caller knows them (absolute roots,
/// the first at tick 0, changes on the eighth-note grid). Empty chords let the model choose them.
/// Drum parts ignore chords. A value type over caller memory: passing it allocates nothing.
/// </summary>
public readonly record struct BarConditioning(
    long BarIndex,
    TimeSignature TimeSignature,
    SectionKind Section,
    int Energy,
    ReadOnlyMemory<BarChord> Chords = default);
