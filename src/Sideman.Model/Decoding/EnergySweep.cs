using System.Globalization;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Decoding;

/// <summary>One part's events per bar at each energy level 0..4, averaged over the swept styles.</summary>
public sealed record EnergySweepRow(PartRole Part, double[] EventsPerBar)
{
    /// <summary>Every level plays more events per bar than the level below.</summary>
    public bool Rises
    {
        get
        {
            for (int e = 1; e < EventsPerBar.Length; e++)
            {
                if (!(EventsPerBar[e] > EventsPerBar[e - 1]))
                    return false;
            }
            return true;
        }
    }
}

/// <summary>
/// Does the decoder follow the energy control? Each part is generated over the same chord loop with
/// every bar at one energy level, level by level, in several styles, and its notes or hits per bar are
/// counted. This is the shipped path (the C# generator with its grammar mask and originality guard),
/// beside the Python evaluation's sweep over test prompts. [main]
/// </summary>
public static class EnergySweep
{
    public const int Levels = 5;

    public static readonly string[] DefaultStyles = ["pop", "rock", "funk", "soul", "jazz_swing", "bossa"];

    private static readonly BarChord[][] Loop =
    [
        [new(0, new ChordSymbol(0, ChordQuality.Major))],
        [new(0, new ChordSymbol(9, ChordQuality.Minor7))],
        [new(0, new ChordSymbol(2, ChordQuality.Minor7)), new(48, new ChordSymbol(7, ChordQuality.Dominant7))],
        [new(0, new ChordSymbol(5, ChordQuality.Major7))],
    ];

    public static IReadOnlyList<EnergySweepRow> Measure(GeneratorAssets assets, IReadOnlyList<PartRole> parts,
        IReadOnlyList<string>? styles = null, int barsPerLevel = 8, double bpm = 110, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfLessThan(barsPerLevel, 1);
        styles ??= DefaultStyles;
        int tempoBucket = assets.Vocabulary.TempoBucket(bpm);
        var rows = new List<EnergySweepRow>();
        foreach (PartRole part in parts)
        {
            var perLevel = new double[Levels];
            for (int level = 0; level < Levels; level++)
            {
                long events = 0;
                foreach (string style in styles)
                {
                    using PartGenerator g = assets.CreatePart(PartHeader.Create(style, part, 0, tempoBucket), new GeneratorSettings { Seed = seed });
                    for (int i = 0; i < barsPerLevel; i++)
                    {
                        GeneratedBar bar = g.Next(new BarConditioning(i, TimeSignature.FourFour, SectionKind.Verse, level, Loop[i % Loop.Length]));
                        events += bar.NoteCount + bar.HitCount;
                    }
                }
                perLevel[level] = (double)events / (barsPerLevel * styles.Count);
            }
            rows.Add(new EnergySweepRow(part, perLevel));
        }
        return rows;
    }

    /// <summary>The table `sideman bench` prints.</summary>
    public static void Write(IReadOnlyList<EnergySweepRow> rows, int barsPerLevel, int styleCount, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"energy sweep: events per bar with every bar at one level, {barsPerLevel} bars x {styleCount} styles per level");
        output.WriteLine("part       EN0     EN1     EN2     EN3     EN4  rises");
        foreach (EnergySweepRow r in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{PartRoles.Name(r.Part),-6} {r.EventsPerBar[0],7:0.00} {r.EventsPerBar[1],7:0.00} {r.EventsPerBar[2],7:0.00} {r.EventsPerBar[3],7:0.00} {r.EventsPerBar[4],7:0.00}  {(r.Rises ? "yes" : "no")}"));
        }
    }
}
