using Sideman.Music.Midi;
using Sideman.Music.Time;

namespace Sideman.Engine.Processing;

/// <summary>
/// A host-agnostic view of one process call: spans over the host's own memory, so building it
/// allocates nothing and xUnit can drive the engine with no host at all.
/// Events and parameter points are expected in time order; the engine tolerates disorder and
/// out-of-range offsets (they are clamped into the block).
/// </summary>
public ref struct ProcessBlock
{
    /// <summary>Samples to render, 0 = apply parameter points only.</summary>
    public int SampleCount;
    public SampleFormat Format;
    public ProcessMode Mode;
    /// <summary>Host output buses in declaration order (main first). The engine writes silence flags.</summary>
    public Span<OutputBus> Outputs;
    public ReadOnlySpan<MidiEvent> Events;
    public ReadOnlySpan<ParameterPoint> ParameterPoints;
    public TransportInfo Transport;
    /// <summary>Room for output MIDI; the engine fills it in time order and sets <see cref="OutEventCount"/>.</summary>
    public Span<MidiEvent> OutEvents;
    public int OutEventCount;
}
