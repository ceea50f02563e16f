using System.Globalization;
using Sideman.Evaluation.Human;
using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Suite;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Report;

/// <summary>
/// The bounds issue 11 sets on the release model, checked on an evaluation:
/// <list type="bullet">
/// <item>backbeat: in each backbeat style (<see cref="StyleFamily.Backbeat"/>), 4/4 bars with a backbeat at least
/// 0.8 of the human rate (the style's own Groove figure when Groove covers it, else Groove's backbeat styles pooled);</item>
/// <item>kicks: in each kit style Groove covers (<see cref="HumanBaseline.Covering"/>), kicks per 4/4 bar within ±30% of human;</item>
/// <item>bass beat 1: in every style and seed, the bass states the root or slash note on beat 1 in at least 80% of bars;</item>
/// <item>beat 1 accent: in every metre, the band's beat 1 weighs at least as much as every other beat; in 6/8 the kick's
/// pulse is on eighths 1 and 4 (each has more kicks than every other eighth), over the kit styles;</item>
/// <item>out of key: in every style and pitched part, at most 2% of notes are neither chord tones nor in the key;</item>
/// <item>density: in every style and part (drums only in kit styles), events per bar rise with each energy level.</item>
/// </list>
/// A figure that could not be measured (NaN) fails its bound.
/// </summary>
public static class StyleBounds
{
    public const double BackbeatShare = 0.8;
    public const double KickTolerance = 0.3;
    public const double MinBassOnBeatOne = 0.8;
    public const double MaxOutOfKey = 0.02;

    public static IReadOnlyList<BoundResult> Check(EvaluationTally tally, HumanBaseline human)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(human);
        var results = new List<BoundResult>();
        foreach (StyleTally s in tally.Styles)
        {
            DrumFigures drums = s.Drums;
            if (s.Family == StyleFamily.Backbeat)
            {
                DrumFigures? own = human.Covering(s.Style);
                double reference = (own ?? human.BackbeatStyles).Backbeat.Value;
                double limit = BackbeatShare * reference;
                double figure = drums.Backbeat.Value;
                results.Add(new BoundResult("backbeat", s.Style, figure, F($">= {limit:0.00}"), figure >= limit,
                    F($"backbeat in {s.Style}: {figure:0.00} of 4/4 bars, human {reference:0.00} ({(own is null ? "Groove's backbeat styles" : "Groove " + s.Style)}), needs >= {limit:0.00}")));
            }
            if (s.Family != StyleFamily.NoKit && human.Covering(s.Style) is { } covered)
            {
                double reference = covered.KicksPerBar;
                double low = (1 - KickTolerance) * reference, high = (1 + KickTolerance) * reference;
                double figure = drums.KicksPerBar;
                results.Add(new BoundResult("kicks", s.Style, figure, F($"{low:0.00}..{high:0.00}"), figure >= low && figure <= high,
                    F($"kicks per 4/4 bar in {s.Style}: {figure:0.00}, human {reference:0.00}, needs {low:0.00}..{high:0.00}")));
            }
            foreach (var (seed, bass) in s.BassBySeed)
            {
                double figure = bass.All.Value;
                results.Add(new BoundResult("bass beat 1", F($"{s.Style} seed {seed}"), figure, F($">= {MinBassOnBeatOne:0.00}"), figure >= MinBassOnBeatOne,
                    F($"bass root or slash note on beat 1 in {s.Style}, seed {seed}: {figure:0.00} of bars (plain {bass.Plain.Value:0.00}, slash {bass.Slash.Value:0.00}), needs >= {MinBassOnBeatOne:0.00}")));
            }
            foreach (PartRole part in StyleTally.PitchedParts)
            {
                double figure = s.Pitch(part).OutOfKey.Value;
                results.Add(new BoundResult("out of key", $"{s.Style} {PartRoles.Name(part)}", figure, F($"<= {MaxOutOfKey:0.00}"), figure <= MaxOutOfKey,
                    F($"out-of-key non-chord notes in {s.Style} {PartRoles.Name(part)}: {figure:0.000}, needs <= {MaxOutOfKey:0.00}")));
            }
            foreach (PartRole part in (PartRole[])[PartRole.Drums, .. StyleTally.PitchedParts])
            {
                if (part == PartRole.Drums && s.Family == StyleFamily.NoKit)
                    continue;
                DensityLadder ladder = s.Density(part);
                double[] d = ladder.EventsPerBar;
                results.Add(new BoundResult("density", $"{s.Style} {PartRoles.Name(part)}", d[^1] - d[0], "rises at every level", ladder.Rises,
                    $"{PartRoles.Name(part)} events per bar by energy 0..4 in {s.Style}: {string.Join(" ", d.Select(x => F($"{x:0.0}")))}, needs to rise at every level"));
            }
        }
        foreach (var (metre, profile) in EvaluationSuite.InMetreOrder(tally.Accents))
        {
            double[] band = profile.Mean(AccentProfile.Band);
            bool holds = profile.BeatOneStrongest(AccentProfile.Band);
            results.Add(new BoundResult("beat 1 accent", metre.ToString(), band.Length > 0 ? band[0] : double.NaN, "the strongest beat", holds,
                $"band weight per beat in {metre}: {string.Join(" ", band.Select(x => F($"{x:0}")))}, beat 1 needs to be the strongest"));
            if (metre == new TimeSignature(6, 8) && tally.Styles.Any(st => st.Family != StyleFamily.NoKit))
            {
                Ratio share = profile.KicksOn(1, 4);
                results.Add(new BoundResult("6/8 kick", metre.ToString(), share.Value, "eighths 1 and 4 each above every other eighth", profile.KickPulseOn(1, 4),
                    $"kicks per eighth in 6/8: {string.Join(" ", profile.KicksOnBeat)} ({F($"{share.Value:0.00}")} of kicks on 1 or 4), eighths 1 and 4 need more than each other eighth"));
            }
        }
        return results;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
