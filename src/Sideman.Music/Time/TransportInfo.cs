using System.Runtime.InteropServices;

namespace Sideman.Music.Time;

/// <summary>
/// The host's transport at the first sample of a block, as raw as the host gave it: any field may be
/// missing (see <see cref="Flags"/>) or absurd. The engine's transport clock validates it.
/// Blittable, 80 bytes: a layout twin of the bridge ABI's SmTransport.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct TransportInfo
{
    public TransportFlags Flags;
    public int TimeSignatureNumerator;
    public int TimeSignatureDenominator;
    private int _reserved;
    public double SampleRate;
    /// <summary>Quarter notes per minute.</summary>
    public double Tempo;
    /// <summary>Song position in quarter notes at the block's first sample.</summary>
    public double ProjectTimeMusic;
    /// <summary>Quarter-note position of the start of the bar holding the block's first sample.</summary>
    public double BarPositionMusic;
    public double CycleStartMusic;
    public double CycleEndMusic;
    public long ProjectTimeSamples;
    public long ContinuousTimeSamples;

    public readonly bool Has(TransportFlags flag) => (Flags & flag) == flag;

    /// <summary>A complete, playing transport: what a test or an offline render supplies.</summary>
    public static TransportInfo Playing(double tempo, double positionQuarters, TimeSignature signature, double sampleRate)
    {
        double barLength = signature.QuarterNotesPerBar;
        return new TransportInfo
        {
            Flags = TransportFlags.Present | TransportFlags.Playing | TransportFlags.TempoValid | TransportFlags.TimeSignatureValid
                    | TransportFlags.ProjectTimeMusicValid | TransportFlags.BarPositionValid,
            TimeSignatureNumerator = signature.Numerator,
            TimeSignatureDenominator = signature.Denominator,
            SampleRate = sampleRate,
            Tempo = tempo,
            ProjectTimeMusic = positionQuarters,
            BarPositionMusic = Math.Floor(positionQuarters / barLength) * barLength,
            ProjectTimeSamples = (long)Math.Round(positionQuarters * 60.0 / tempo * sampleRate),
        };
    }
}
