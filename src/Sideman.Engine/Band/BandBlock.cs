using Sideman.Engine.Live;
using Sideman.Engine.Processing;
using Sideman.Engine.Transport;
using Sideman.Music.Midi;

namespace Sideman.Engine.Band;

/// <summary>
/// What the performer sees of one block before anything renders: the validated transport, the block's input
/// events (so it knows the player's chords at every offset of the block), the parameters' plain values at the
/// block start, the process mode and the chord chart. Spans over the engine's memory: building it allocates nothing.
/// </summary>
public readonly ref struct BandBlock
{
    public BandBlock(in TransportState transport, int sampleCount, ReadOnlySpan<MidiEvent> input, ReadOnlySpan<double> parameters,
        ProcessMode mode, LiveChart? chart, int triggers = 0)
    {
        Triggers = triggers;
        Transport = transport;
        SampleCount = sampleCount;
        Input = input;
        Parameters = parameters;
        Mode = mode;
        Chart = chart;
    }

    public TransportState Transport { get; }
    public int SampleCount { get; }
    /// <summary>The host's events of the block, in time order (offsets may need clamping into the block).</summary>
    public ReadOnlySpan<MidiEvent> Input { get; }
    /// <summary>Plain values by parameter index (see <see cref="EngineParameters"/>).</summary>
    public ReadOnlySpan<double> Parameters { get; }
    public ProcessMode Mode { get; }
    public LiveChart? Chart { get; }
    /// <summary>Momentary actions that rose since the previous block (<see cref="BandTriggers"/> bits), however briefly.</summary>
    public int Triggers { get; }
}
