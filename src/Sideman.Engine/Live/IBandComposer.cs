using Sideman.Music.Time;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

/// <summary>
/// The band's composer as the generator worker sees it: writes one bar of one part at a time, keeping a
/// musical context per part (the bars it wrote before). The engine never sees the model behind it.
/// </summary>
public interface IBandComposer : IDisposable
{
    /// <summary>Most events one bar of one part can hold (sizes the pooled snapshots). [any]</summary>
    int MaxEventsPerBar { get; }

    /// <summary>The model's tempo bucket for a tempo. Pure, allocation-free. [any]</summary>
    int TempoBucket(double bpm);

    /// <summary>The metre the model writes for the host's metre (itself when the model knows it). Pure. [any]</summary>
    TimeSignature ModelSignature(TimeSignature host);

    /// <summary>
    /// [generator] Writes bar <see cref="BarRequest.Bar"/> of <paramref name="part"/> into <paramref name="output"/>
    /// (tagged with <paramref name="key"/>): continuing the part's context when the bar follows the last one
    /// written, writing it again when it was written before (the bars after it are forgotten), and starting a
    /// fresh context otherwise. Same calls in the same order give the same bars. Throws on a model failure;
    /// the part's context then starts afresh at the next call.
    /// </summary>
    void Write(BandPart part, in BarRequest request, ulong key, BarSnapshot output);

    /// <summary>[any] Sampled bars the originality guard checked since this composer was made (0 without a guard).</summary>
    long GuardBarsChecked => 0;

    /// <summary>[any] Sampled bars the originality guard threw away as copies of training pairs.</summary>
    long GuardCopiesRejected => 0;
}
