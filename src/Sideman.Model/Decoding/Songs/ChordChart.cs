using System.Globalization;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Decoding.Songs;

/// <summary>
/// A chord chart as text, one bar between bar lines: <c>C | Am7 | F G7 | C</c>. Chords in one bar start where
/// <see cref="ChordPlacement"/> puts them (two split at the second beat group); <c>%</c> repeats the previous bar;
/// line breaks are bar lines too. Chords keep absolute roots. [main]
/// </summary>
public static class ChordChart
{
    /// <summary>Parses <paramref name="text"/> into one chord list per bar; FormatException names the bar and the symbol.</summary>
    public static BarChord[][] Parse(string text, TimeSignature timeSignature)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bars = new List<BarChord[]>();
        foreach (string raw in text.Split(['|', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] symbols = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (symbols.Length == 0)
                continue;
            int bar = bars.Count + 1;
            if (symbols is ["%"])
            {
                if (bars.Count == 0)
                    throw new FormatException("bar 1: '%' repeats the previous bar, but there is none");
                bars.Add(bars[^1]);
                continue;
            }
            int slots = ChordPlacement.MaxChords(timeSignature);
            if (symbols.Length > slots)
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"bar {bar}: {symbols.Length} chords do not fit a {timeSignature} bar (at most {slots}, one per eighth note)"));
            var chords = new BarChord[symbols.Length];
            for (int k = 0; k < symbols.Length; k++)
            {
                if (!ChordSymbolParser.TryParse(symbols[k], out ChordSymbol chord, out string? error))
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"bar {bar}: {error}"));
                chords[k] = new BarChord(ChordPlacement.StartTick(k, symbols.Length, timeSignature), chord);
            }
            bars.Add(chords);
        }
        if (bars.Count == 0)
            throw new FormatException("the chord chart has no bars (write chords between bar lines, e.g. 'C | Am | F G7 | C')");
        return [.. bars];
    }
}
