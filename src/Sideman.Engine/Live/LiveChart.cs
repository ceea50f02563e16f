using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Engine.Live;

/// <summary>
/// A chord chart the band plays in sync with the host's bars, looping it over the song: the text the
/// producer typed (the <see cref="ChordChart"/> syntax of <c>sideman generate</c>: <c>C | Am7 | F G7 | C/E</c>,
/// <c>%</c> repeats) and its bars. Chords in a bar are placed by <see cref="ChordPlacement"/> in whatever
/// metre the host plays, so the chart is parsed once and read on the audio thread without allocating.
/// Immutable. [main] to build, [any] to read.
/// </summary>
public sealed class LiveChart
{
    /// <summary>Longest chart text kept (far beyond any real chart).</summary>
    public const int MaxTextLength = 64 * 1024;

    private readonly ChordSymbol[][] _bars;

    private LiveChart(string text, ChordSymbol[][] bars)
    {
        Text = text;
        _bars = bars;
        KeyTonic = 0;
        foreach (ChordSymbol[] bar in bars)
        {
            int first = Array.FindIndex(bar, c => !c.IsNoChord);
            if (first >= 0)
            {
                KeyTonic = bar[first].Root;
                break;
            }
        }
    }

    /// <summary>The key the model hears: the root of the chart's first chord (C when it has none), as <c>sideman generate</c> takes it.</summary>
    public int KeyTonic { get; }

    /// <summary>The chart as the producer typed it (saved with the song).</summary>
    public string Text { get; }

    public int BarCount => _bars.Length;

    /// <summary>
    /// Parses <paramref name="text"/>; false with a message naming the bar and the symbol when it is not a
    /// chart (empty, an unknown chord, more chords in a bar than eighth notes in a 4/4 bar).
    /// </summary>
    public static bool TryParse(string? text, out LiveChart? chart, out string? problem)
    {
        chart = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "the chord chart is empty (write chords between bar lines, e.g. 'C | Am | F G7 | C')";
            return false;
        }
        if (text.Length > MaxTextLength)
        {
            problem = $"the chord chart is {text.Length} characters long; the limit is {MaxTextLength}";
            return false;
        }
        try
        {
            // 4/4 sets the most chords a bar may hold (one per eighth); other metres fit them at use time.
            BarChord[][] parsed = ChordChart.Parse(text, TimeSignature.FourFour);
            var bars = new ChordSymbol[parsed.Length][];
            for (int b = 0; b < parsed.Length; b++)
            {
                bars[b] = new ChordSymbol[parsed[b].Length];
                for (int c = 0; c < parsed[b].Length; c++)
                    bars[b][c] = parsed[b][c].Chord;
            }
            chart = new LiveChart(text, bars);
            return true;
        }
        catch (FormatException ex)
        {
            problem = "chord chart: " + ex.Message;
            return false;
        }
    }

    /// <summary>The chart bar a song bar plays (the chart loops; negative bars count back from the end). [any]</summary>
    public int ChartBar(long songBar)
    {
        long m = songBar % _bars.Length;
        return (int)(m < 0 ? m + _bars.Length : m);
    }

    /// <summary>How many chords the chart bar for <paramref name="songBar"/> holds in a bar of <paramref name="signature"/>. [any]</summary>
    public int ChordCount(long songBar, TimeSignature signature) =>
        Math.Min(_bars[ChartBar(songBar)].Length, ChordPlacement.MaxChords(signature));

    /// <summary>
    /// Chord <paramref name="index"/> of the song bar and the tick where it starts, placed in this metre by
    /// <see cref="ChordPlacement"/> (as <see cref="ChordChart"/> places them). [any]
    /// </summary>
    public BarChord ChordOf(long songBar, TimeSignature signature, int index)
    {
        ChordSymbol[] bar = _bars[ChartBar(songBar)];
        int count = Math.Min(bar.Length, ChordPlacement.MaxChords(signature));
        return new BarChord(ChordPlacement.StartTick(index, count, signature), bar[index]);
    }

    /// <summary>The chord sounding at <paramref name="tick"/> of the song bar. [any]</summary>
    public ChordSymbol ChordAt(long songBar, TimeSignature signature, int tick)
    {
        int count = ChordCount(songBar, signature);
        ChordSymbol chord = _bars[ChartBar(songBar)][0];
        for (int i = 1; i < count; i++)
        {
            BarChord c = ChordOf(songBar, signature, i);
            if (c.Tick > tick)
                break;
            chord = c.Chord;
        }
        return chord;
    }
}
