using Sideman.Evaluation.Songs;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Metrics;

/// <summary>
/// The drum part's 4/4 bars, counted the same way for a generated song and a Groove recording. Backbeat: a
/// snare, clap or sidestick on beat 2 and on beat 4 of the bar. Kick on 1: a kick on beat 1. Kicks, snares
/// (the snare class only) and hats (closed, pedal, open) per bar. Every 4/4 bar counts, empty ones too.
/// </summary>
public readonly record struct DrumFigures(long Bars, long BackbeatBars, long KickOnOneBars, long Kicks, long Snares, long Hats)
{
    public Ratio Backbeat => new(BackbeatBars, Bars);
    public Ratio KickOnOne => new(KickOnOneBars, Bars);
    public double KicksPerBar => PerBar(Kicks);
    public double SnaresPerBar => PerBar(Snares);
    public double HatsPerBar => PerBar(Hats);

    public static DrumFigures operator +(DrumFigures a, DrumFigures b) =>
        new(a.Bars + b.Bars, a.BackbeatBars + b.BackbeatBars, a.KickOnOneBars + b.KickOnOneBars, a.Kicks + b.Kicks, a.Snares + b.Snares, a.Hats + b.Hats);

    public static DrumFigures Of(HeardSong song)
    {
        ArgumentNullException.ThrowIfNull(song);
        if (song.Hits is null)
            return default;
        int n = song.Bars.Count;
        var two = new bool[n];
        var four = new bool[n];
        var one = new bool[n];
        long kicks = 0, snares = 0, hats = 0;
        int beat = BeatGrid.BeatTicks(TimeSignature.FourFour);
        foreach (SongHit h in song.Hits)
        {
            if (song.Bars[h.Bar].TimeSignature != TimeSignature.FourFour)
                continue;
            if (h.Drum == DrumClasses.Kick)
            {
                kicks++;
                one[h.Bar] |= h.Tick == 0;
            }
            snares += h.Drum == DrumClasses.Snare ? 1 : 0;
            hats += DrumClasses.IsHat(h.Drum) ? 1 : 0;
            if (DrumClasses.IsBackbeat(h.Drum))
            {
                two[h.Bar] |= h.Tick == beat;
                four[h.Bar] |= h.Tick == 3 * beat;
            }
        }
        long bars = 0, backbeat = 0, kickOnOne = 0;
        foreach (SongBar b in song.Bars)
        {
            if (b.TimeSignature != TimeSignature.FourFour)
                continue;
            bars++;
            backbeat += two[b.Index] && four[b.Index] ? 1 : 0;
            kickOnOne += one[b.Index] ? 1 : 0;
        }
        return new DrumFigures(bars, backbeat, kickOnOne, kicks, snares, hats);
    }

    private double PerBar(long count) => Bars == 0 ? double.NaN : (double)count / Bars;
}
