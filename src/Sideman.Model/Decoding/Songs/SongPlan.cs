using System.Globalization;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Decoding.Songs;

/// <summary>
/// A song ready to generate: tempo, key, style, and every bar's conditioning (with the chart's chords).
/// <see cref="Warnings"/> says what of the request the song is too short to play (sections or energy levels past its last bar).
/// </summary>
public sealed class SongPlan
{
    private SongPlan(double bpm, int keyTonic, string style, TimeSignature timeSignature, BarConditioning[] bars, IReadOnlyList<string> warnings)
    {
        Warnings = warnings;
        Bpm = bpm;
        KeyTonic = keyTonic;
        Style = style;
        TimeSignature = timeSignature;
        Bars = bars;
    }

    public double Bpm { get; }
    public int KeyTonic { get; }
    public string Style { get; }
    public TimeSignature TimeSignature { get; }
    public IReadOnlyList<BarConditioning> Bars { get; }

    /// <summary>Parts of the request the song does not play, in words for the user (empty when it plays all of it).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Seconds of music in the song.</summary>
    public double Seconds => Bars.Count * TimeSignature.QuarterNotesPerBar * 60.0 / Bpm;

    /// <summary>Checks and expands a request; FormatException / ArgumentException say which field is wrong. [main]</summary>
    public static SongPlan Create(SongRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!(request.Bpm >= 20 && request.Bpm <= 999))
            throw new ArgumentOutOfRangeException(nameof(request), request.Bpm, "tempo must be 20..999 BPM");
        if (request.Repeat is < 1 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(request), request.Repeat, "repeat must be 1..1000");
        BarChord[][] chart = ChordChart.Parse(request.Chart, request.TimeSignature);
        int count = chart.Length * request.Repeat;
        int key = KeyOf(request.Key, chart);
        var warnings = new List<string>();
        int[] energy = Energies(request.Energy, count, warnings);
        SectionKind[] sections = Sections(request.Sections, count, chart.Length, request.Repeat, warnings);
        if (request.Fills)
        {
            for (int i = 0; i + 1 < count; i++)
            {
                if (sections[i + 1] != sections[i] && sections[i] != SectionKind.Fill)
                    sections[i] = SectionKind.Fill;
            }
        }
        var bars = new BarConditioning[count];
        for (int i = 0; i < count; i++)
            bars[i] = new BarConditioning(i, request.TimeSignature, sections[i], energy[i], chart[i % chart.Length]);
        return new SongPlan(request.Bpm, key, request.Style, request.TimeSignature, bars, warnings);
    }

    private static int KeyOf(string? key, BarChord[][] chart)
    {
        if (!string.IsNullOrWhiteSpace(key))
        {
            int i = 0;
            string k = key.Trim();
            if (!ChordSymbolParser.TryNote(k, ref i, out int pc) || (i != k.Length && k[i..] is not ("m" or "min" or "maj" or "major" or "minor")))
                throw new FormatException($"key '{key}' is not a note name (C, F#, Bb, optionally followed by m)");
            return pc;
        }
        foreach (BarChord[] bar in chart)
        {
            foreach (BarChord c in bar)
            {
                if (!c.Chord.IsNoChord)
                    return c.Chord.Root;
            }
        }
        return 0;
    }

    private static int[] Energies(string spec, int count, List<string> warnings)
    {
        var levels = new int[count];
        string s = spec.Trim();
        int dots = s.IndexOf("..", StringComparison.Ordinal);
        if (dots > 0)
        {
            int from = Level(s[..dots]), to = Level(s[(dots + 2)..]);
            for (int i = 0; i < count; i++)
                levels[i] = count == 1 ? from : (int)Math.Round(from + (to - from) * (double)i / (count - 1), MidpointRounding.AwayFromZero);
            return levels;
        }
        int[] list = s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Level).ToArray();
        if (list.Length == 0)
            throw new FormatException("energy is empty (give a level 0..4, a list like 1,2,3 or a ramp like 1..4)");
        for (int i = 0; i < count; i++)
            levels[i] = list[Math.Min(i, list.Length - 1)];
        if (list.Length > count)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"--energy lists {list.Length} levels but the song has {count} bar{(count == 1 ? "" : "s")}: the last {list.Length - count} are not played"));
        return levels;
    }

    private static int Level(string text)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v is < 0 or > 4)
            throw new FormatException($"energy '{text}' is not a level 0..4");
        return v;
    }

    private static SectionKind[] Sections(string spec, int count, int chartBars, int repeat, List<string> warnings)
    {
        var result = new SectionKind[count];
        int at = 0;
        SectionKind last = SectionKind.None;
        int asked = 0;
        bool allCounted = true;
        var cut = new List<string>();
        foreach (string part in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] nb = part.Split(':', StringSplitOptions.TrimEntries);
            if (!SectionKinds.TryParse(nb[0].ToLowerInvariant(), out SectionKind kind))
                throw new FormatException($"section '{nb[0]}' is unknown (intro, verse, prechorus, chorus, bridge, solo, fill, outro, none)");
            int bars = count;
            if (nb.Length == 2 && (!int.TryParse(nb[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out bars) || bars < 1))
                throw new FormatException($"section '{part}': the bar count must be a positive number");
            if (nb.Length > 2)
                throw new FormatException($"section '{part}' should be name:bars");
            int played = Math.Min(bars, count - at);
            if (nb.Length == 2)
            {
                asked += bars;
                if (played < bars)
                    cut.Add(string.Create(CultureInfo.InvariantCulture, $"{part} plays {played} of its {bars} bars"));
            }
            else
            {
                allCounted = false;
                if (played == 0)
                    cut.Add($"{part} is not played (the section before it takes the rest of the song)");
            }
            for (int i = 0; i < played; i++)
                result[at++] = kind;
            last = kind;
        }
        while (at < count)
            result[at++] = last;
        if (cut.Count > 0)
        {
            string fix = allCounted
                ? string.Create(CultureInfo.InvariantCulture, $"add --repeat {(asked + chartBars - 1) / chartBars} or shorten --sections")
                : "give every section a bar count, or shorten --sections";
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"--sections is longer than the song ({count} bar{(count == 1 ? "" : "s")}: {chartBars} in the chart x {repeat}): {string.Join("; ", cut)}; {fix}"));
        }
        return result;
    }
}
