using Sideman.Music.Midi;

namespace Sideman.Cli.Rendering;

/// <summary>What an offline render produced: the main mix, one stem per part, every event on the plugin's output.</summary>
internal sealed class RenderResult
{
    public required float[][] Mix { get; init; }
    /// <summary>[part][channel]: Drums, Bass, Keys, Pad, Arp, each stereo.</summary>
    public required float[][][] Stems { get; init; }
    public required List<(long Sample, MidiEvent Event)> Output { get; init; }
    public long LateBars { get; init; }
    public long OfflineTimeouts { get; init; }
    public long BarsWritten { get; init; }
}
