using System.Runtime.InteropServices;
using Sideman.Engine.Processing;
using Sideman.Music.Midi;
using Sideman.Music.Time;
using Sideman.Plugin;

namespace Sideman.Cli.Rendering;

/// <summary>
/// Plays a <see cref="SidemanProcessor"/> block by block the way a host does: native channel buffers for the main bus
/// and every stem bus (all active), the block's events and transport, and the plugin's event output. One block
/// allocates nothing here, so benchmarks can time it. [main] (the caller's thread stands in for the host's audio thread)
/// </summary>
internal sealed unsafe class ProcessorDriver : IDisposable
{
    public const int Buses = 6;
    private readonly void** _table;
    private readonly OutputBus[] _buses = new OutputBus[Buses];
    private readonly MidiEvent[] _out = new MidiEvent[16384];

    public ProcessorDriver(SidemanProcessor processor, int maxBlock)
    {
        Processor = processor;
        MaxBlock = maxBlock;
        _table = (void**)NativeMemory.AllocZeroed((nuint)(sizeof(void*) * Buses * 2));
        for (int c = 0; c < Buses * 2; c++)
            _table[c] = NativeMemory.AllocZeroed((nuint)(sizeof(float) * maxBlock));
        for (int b = 0; b < Buses; b++)
            _buses[b] = new OutputBus(_table + 2 * b, 2, active: true);
    }

    public SidemanProcessor Processor { get; }
    public int MaxBlock { get; }

    /// <summary>The plugin's output events of the last block.</summary>
    public ReadOnlySpan<MidiEvent> OutEvents => _out.AsSpan(0, _outCount);
    private int _outCount;

    /// <summary>Processes one block of <paramref name="n"/> samples (≤ <see cref="MaxBlock"/>).</summary>
    public void Process(int n, ReadOnlySpan<MidiEvent> events, ProcessMode mode, in TransportInfo transport)
    {
        var view = new ProcessBlock
        {
            SampleCount = n,
            Format = SampleFormat.Float32,
            Mode = mode,
            Outputs = _buses,
            Events = events,
            Transport = transport,
            OutEvents = _out,
        };
        Processor.Process(ref view);
        _outCount = view.OutEventCount;
    }

    /// <summary>Samples of bus <paramref name="bus"/> (0 main, 1..5 the parts), channel <paramref name="channel"/>, of the last block.</summary>
    public ReadOnlySpan<float> Output(int bus, int channel, int n) => new(_table[bus * 2 + channel], n);

    public void Dispose()
    {
        for (int c = 0; c < Buses * 2; c++)
            NativeMemory.Free(_table[c]);
        NativeMemory.Free(_table);
    }
}
