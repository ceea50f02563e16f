using System.Globalization;
using Sideman.Model.Decoding.Songs;

namespace Sideman.Evaluation.Suite;

/// <summary>
/// One song of the suite: a style, a chart, one energy level for every bar, a seed and a tempo, generated as
/// <c>sideman generate --chart ... --style ... --time-signature ... --key ... --energy ... --tempo ... --seed ...</c> would.
/// <see cref="EnergyLadder"/> marks the songs whose bars count for density per energy.
/// </summary>
public sealed record EvaluationCase(string Style, EvaluationChart Chart, int Bars, int Energy, ulong Seed, double Bpm, bool EnergyLadder)
{
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Style} | {Chart.Name} | energy {Energy} | seed {Seed}");

    public SongRequest Request() => new()
    {
        Chart = Chart.Text(Bars),
        TimeSignature = Chart.Metre,
        Key = Chart.Key,
        Bpm = Bpm,
        Style = Style,
        Energy = Energy.ToString(CultureInfo.InvariantCulture),
        Sections = "verse",
    };
}
