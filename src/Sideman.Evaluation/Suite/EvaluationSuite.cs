using Sideman.Music.Time;

namespace Sideman.Evaluation.Suite;

/// <summary>
/// The fixed set of songs `sideman evaluate` generates: for every style and seed, the plain 4/4 chart at each
/// energy 0..4 (the density ladder), and at energy 2 a 4/4 chart of slash chords (a descending bass line,
/// chord-tone and passing slash notes) and charts in 3/4, 6/8 and 5/4 that mix plain and slash chords. Each
/// style plays at a tempo typical of it. <see cref="Full"/> (the report): 8 bars, seeds 1..3.
/// <see cref="Quick"/> (the CI test): the first 4 bars of each chart, seed 1.
/// </summary>
public sealed class EvaluationSuite
{
    public static readonly EvaluationChart Plain = new("plain 4/4", TimeSignature.FourFour, "C", ["C", "Am", "F", "G", "C", "Em", "Dm G7", "C"]);
    public static readonly EvaluationChart Slash = new("slash 4/4", TimeSignature.FourFour, "C", ["C", "C/B", "Am", "Am/G", "F", "C/E", "Dm", "G/B"]);
    public static readonly EvaluationChart Waltz = new("3/4", new TimeSignature(3, 4), "G", ["G", "D/F#", "Em", "C", "G/D", "D7", "G", "G"]);
    public static readonly EvaluationChart SixEight = new("6/8", new TimeSignature(6, 8), "D", ["D", "A/C#", "Bm", "G", "D/A", "A7", "D", "D"]);
    public static readonly EvaluationChart FiveFour = new("5/4", new TimeSignature(5, 4), "F", ["F", "C/E", "Dm", "Bb", "F/C", "C7", "F", "F"]);

    public const int LadderEnergyOfOtherCharts = 2;

    private static readonly Dictionary<string, double> Tempo = new(StringComparer.Ordinal)
    {
        ["pop"] = 110, ["rock"] = 120, ["punk"] = 170, ["funk"] = 100, ["soul"] = 96, ["hiphop"] = 90, ["house"] = 124,
        ["disco"] = 118, ["reggae"] = 76, ["latin"] = 104, ["bossa"] = 130, ["afrocuban"] = 110, ["jazz_swing"] = 150,
        ["jazz_ballad"] = 66, ["neworleans"] = 110, ["blues"] = 90, ["country"] = 110, ["gospel"] = 80, ["afrobeat"] = 112,
        ["folk"] = 100, ["hymn"] = 76, ["baroque"] = 96, ["classical"] = 100, ["romantic"] = 80, ["march"] = 116,
        ["ragtime"] = 100, ["world"] = 100,
    };

    private EvaluationSuite(string name, int bars, ulong[] seeds, IReadOnlyList<string> styles)
    {
        Name = name;
        BarsPerSong = bars;
        Seeds = seeds;
        Styles = styles;
        var cases = new List<EvaluationCase>();
        foreach (string style in styles)
        {
            double bpm = TempoOf(style);
            foreach (ulong seed in seeds)
            {
                for (int energy = 0; energy <= 4; energy++)
                    cases.Add(new EvaluationCase(style, Plain, bars, energy, seed, bpm, EnergyLadder: true));
                foreach (EvaluationChart chart in new[] { Slash, Waltz, SixEight, FiveFour })
                    cases.Add(new EvaluationCase(style, chart, bars, LadderEnergyOfOtherCharts, seed, bpm, EnergyLadder: false));
            }
        }
        Cases = cases;
    }

    public string Name { get; }
    public int BarsPerSong { get; }
    public IReadOnlyList<ulong> Seeds { get; }
    public IReadOnlyList<string> Styles { get; }
    public IReadOnlyList<EvaluationCase> Cases { get; }

    public static EvaluationSuite Full(IReadOnlyList<string> styles) => new("full", 8, [1, 2, 3], styles);

    public static EvaluationSuite Quick(IReadOnlyList<string> styles) => new("quick", 4, [1], styles);

    /// <summary>The tempo the suite plays a style at (110 BPM for a style it does not list).</summary>
    public static double TempoOf(string style) => Tempo.GetValueOrDefault(style, 110);

    public static IReadOnlyList<EvaluationChart> Charts => [Plain, Slash, Waltz, SixEight, FiveFour];

    /// <summary>Entries keyed by metre in the charts' order (4/4, 3/4, 6/8, 5/4), any other metre after them.</summary>
    public static IEnumerable<KeyValuePair<TimeSignature, T>> InMetreOrder<T>(IReadOnlyDictionary<TimeSignature, T> byMetre)
    {
        ArgumentNullException.ThrowIfNull(byMetre);
        TimeSignature[] order = [.. Charts.Select(c => c.Metre).Distinct()];
        return byMetre.OrderBy(kv => Array.IndexOf(order, kv.Key) is int i and >= 0 ? i : order.Length)
                      .ThenBy(kv => kv.Key.Denominator).ThenBy(kv => kv.Key.Numerator);
    }
}
