using System.Globalization;
using System.Text;
using Sideman.Evaluation.Human;
using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Suite;
using Sideman.Model.Decoding;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Report;

/// <summary>
/// The evaluation as a markdown report for musicians: the bounds, then per style the drums beside the human
/// figures, the bass on beat 1, the pitched parts on the harmony, accents per metre and density per energy,
/// and the definitions. The same evaluation writes the same text.
/// </summary>
public static class ReportMarkdown
{
    public static string Write(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        Header(md, report);
        Bounds(md, report);
        Drums(md, report);
        Bass(md, report);
        Pitched(md, report);
        Accents(md, report);
        Density(md, report);
        Definitions(md);
        return md.ToString();
    }

    private static void Header(StringBuilder md, EvaluationReport r)
    {
        EvaluationSuite s = r.Suite;
        L(md, "# Style evaluation of the shipped path");
        L(md);
        L(md, $"Written by `sideman evaluate{(s.Name == "quick" ? " --quick" : "")}`: the C# generator (`SongGenerator`, default sampling and musical guard, "
              + $"{(r.GuardFile is null ? "no originality guard" : $"originality guard `{r.GuardFile}`")}, "
              + $"{(r.DensityFile is null ? "no density steering" : $"density steering to `{r.DensityFile}`")}) with `{r.ModelFile}` (version {r.ModelVersion}, "
              + $"vocabulary sha256 {r.VocabSha256[..Math.Min(12, r.VocabSha256.Length)]}…).");
        L(md);
        GuardTally g = r.Tally.Guards;
        L(md, string.Create(CultureInfo.InvariantCulture, $"Guards: the musical guard (up to {MusicalGuardSettings.Default.Attempts} samples a bar) checked {g.MusicalChecks:N0} pitched samples and "
              + $"drew {g.MusicalResamples:N0} again; {g.MusicalViolationsKept:N0} of {g.Bars:N0} bars were kept although every try broke a rule "
              + $"({g.BeatOneRepairs:N0} given the chord's bass on beat 1, {g.KeyRepairs:N0} out-of-key notes moved into the key); "
              + $"the originality guard rejected {g.CopiesRejected:N0} copies."));
        L(md);
        L(md, $"Suite `{s.Name}`: {r.Tally.Songs} songs, {r.Tally.Bars} bars, {s.Styles.Count} styles, seeds {string.Join(", ", s.Seeds)}, "
              + $"{s.BarsPerSong} bars a song, parts drums, bass, keys, pad and arp. Per style and seed: the plain chart at each energy 0..4, "
              + $"and at energy {EvaluationSuite.LadderEnergyOfOtherCharts} the others:");
        L(md);
        L(md, "| chart | metre | key | bars |");
        L(md, "|---|---|---|---|");
        foreach (EvaluationChart c in EvaluationSuite.Charts)
            L(md, $"| {c.Name} | {c.Metre} | {c.Key} | `{Escape(c.Text(s.BarsPerSong))}` |");
        L(md);
        HumanBaseline h = r.Human;
        L(md, $"Human baseline: the Groove MIDI dataset's beat takes listed in `manifest.tsv` ({h.Takes4x4} in 4/4; "
              + string.Join(", ", EvaluationSuite.InMetreOrder(h.TakesByMetre).Where(kv => kv.Key != TimeSignature.FourFour).Select(kv => $"{kv.Value} in {kv.Key}"))
              + "), measured by the same code, styles as the data pipeline maps them. A style's own human figure is used "
              + $"when Groove has {HumanBaseline.MinBarsForStyle} or more 4/4 bars of it in {HumanBaseline.MinTakesForStyle} or more takes (else it is shown in brackets and the bounds fall back as stated). "
              + "Styles: **backbeat** (the bound's popular styles), **kit** (drum-kit styles without a 2-and-4 backbeat), **no kit** (no drum expectation).");
        L(md);
    }

    private static void Bounds(StringBuilder md, EvaluationReport r)
    {
        int failed = r.Failures.Count();
        L(md, "## Bounds (issue 11)");
        L(md);
        L(md, failed == 0 ? $"All {r.Bounds.Count} hold." : $"{failed} of {r.Bounds.Count} fail.");
        L(md);
        L(md, "| bound | checked | hold | worst |");
        L(md, "|---|---|---|---|");
        foreach (IGrouping<string, BoundResult> g in r.Bounds.GroupBy(b => b.Bound))
        {
            BoundResult? worst = g.FirstOrDefault(b => !b.Holds);
            L(md, $"| {g.Key} | {g.Count()} | {g.Count(b => b.Holds)} | {(worst is null ? "" : Escape(worst.Text))} |");
        }
        L(md);
        if (failed > 0)
        {
            L(md, "<details><summary>Every failing bound</summary>");
            L(md);
            foreach (BoundResult b in r.Failures)
                L(md, $"- {Escape(b.Text)}");
            L(md);
            L(md, "</details>");
            L(md);
        }
    }

    private static void Drums(StringBuilder md, EvaluationReport r)
    {
        L(md, "## Drums in 4/4: generated (human)");
        L(md);
        L(md, "| style | family | backbeat | kicks/bar | snares/bar | hats/bar | kick on 1 | worst backbeat seed |");
        L(md, "|---|---|---|---|---|---|---|---|");
        foreach (StyleTally s in r.Tally.Styles)
        {
            DrumFigures g = s.Drums;
            DrumFigures? h = r.Human.Of(s.Style);
            bool covered = r.Human.Covering(s.Style) is not null;
            string H(Func<DrumFigures, double> f, string format) =>
                h is { } x ? (covered ? $" ({N(f(x), format)})" : $" [{N(f(x), format)}]") : "";
            string worst = s.WorstBackbeatSeed is { } w ? $"seed {w.Seed}: {P(w.Rate.Value)}" : "";
            L(md, $"| {s.Style} | {Family(s.Family)} | {P(g.Backbeat.Value)}{H(x => x.Backbeat.Value, "P")} | {N(g.KicksPerBar, "0.0")}{H(x => x.KicksPerBar, "0.0")} "
                  + $"| {N(g.SnaresPerBar, "0.0")}{H(x => x.SnaresPerBar, "0.0")} | {N(g.HatsPerBar, "0.0")}{H(x => x.HatsPerBar, "0.0")} "
                  + $"| {P(g.KickOnOne.Value)}{H(x => x.KickOnOne.Value, "P")} | {worst} |");
        }
        DrumFigures all = r.Human.All, bb = r.Human.BackbeatStyles;
        L(md, $"| *human, all 4/4 beats* | | {P(all.Backbeat.Value)} | {N(all.KicksPerBar, "0.0")} | {N(all.SnaresPerBar, "0.0")} | {N(all.HatsPerBar, "0.0")} | {P(all.KickOnOne.Value)} | |");
        L(md, $"| *human, backbeat styles* | | {P(bb.Backbeat.Value)} | {N(bb.KicksPerBar, "0.0")} | {N(bb.SnaresPerBar, "0.0")} | {N(bb.HatsPerBar, "0.0")} | {P(bb.KickOnOne.Value)} | |");
        L(md);
    }

    private static void Bass(StringBuilder md, EvaluationReport r)
    {
        L(md, "## Bass: root or slash note on beat 1");
        L(md);
        ulong[] seeds = [.. r.Tally.Styles.SelectMany(s => s.BassBySeed.Keys).Distinct().Order()];
        L(md, "| style | all bars | plain (root) | slash (written bass) | " + string.Join(" | ", seeds.Select(x => $"seed {x}")) + " | worst seed |");
        L(md, "|---|---|---|---|" + string.Concat(seeds.Select(_ => "---|")) + "---|");
        BassDownbeat pooled = default;
        foreach (StyleTally s in r.Tally.Styles)
        {
            BassDownbeat b = s.Bass;
            pooled += b;
            string perSeed = string.Join(" | ", seeds.Select(x => s.BassBySeed.TryGetValue(x, out BassDownbeat v) ? P(v.All.Value) : ""));
            string worst = s.WorstBassSeed is { } w ? $"seed {w.Seed}: {P(w.Rate.Value)}" : "";
            L(md, $"| {s.Style} | {P(b.All.Value)} | {P(b.Plain.Value)} | {P(b.Slash.Value)} | {perSeed} | {worst} |");
        }
        L(md, $"| *all styles* | {P(pooled.All.Value)} | {P(pooled.Plain.Value)} | {P(pooled.Slash.Value)} | {string.Concat(seeds.Select(_ => " |"))} |");
        L(md);
    }

    private static void Pitched(StringBuilder md, EvaluationReport r)
    {
        L(md, "## Pitched parts: chord-tone ratio / out-of-key non-chord notes");
        L(md);
        L(md, "No human figure: the corpus's pitched parts are not measured by this code (models/training/reports/eval.md has the Python evaluation's chord-tone ratios of the test split).");
        L(md);
        L(md, "| style | " + string.Join(" | ", StyleTally.PitchedParts.Select(PartRoles.Name)) + " |");
        L(md, "|---|" + string.Concat(StyleTally.PitchedParts.Select(_ => "---|")));
        var pooled = StyleTally.PitchedParts.ToDictionary(p => p, _ => default(PitchFigures));
        foreach (StyleTally s in r.Tally.Styles)
        {
            foreach (PartRole p in StyleTally.PitchedParts)
                pooled[p] += s.Pitch(p);
            L(md, $"| {s.Style} | " + string.Join(" | ", StyleTally.PitchedParts.Select(p => Pair(s.Pitch(p)))) + " |");
        }
        L(md, "| *all styles* | " + string.Join(" | ", StyleTally.PitchedParts.Select(p => Pair(pooled[p]))) + " |");
        L(md);
    }

    private static void Accents(StringBuilder md, EvaluationReport r)
    {
        L(md, "## Accents per metre position");
        L(md);
        L(md, "Mean weight per bar on each beat (sum of the velocities of the onsets there), all styles pooled; drums only from kit styles. "
              + "Human: Groove's beat takes of that metre.");
        L(md);
        foreach (var (metre, p) in EvaluationSuite.InMetreOrder(r.Tally.Accents))
        {
            int beats = BeatGrid.Beats(metre);
            L(md, $"### {metre} ({p.Bars} bars)");
            L(md);
            L(md, "| group | " + string.Join(" | ", Enumerable.Range(1, beats).Select(b => $"beat {b}")) + " | beat 1 strongest |");
            L(md, "|---|" + string.Concat(Enumerable.Repeat("---|", beats + 1)));
            foreach (string group in p.Groups.OrderBy(g => g == AccentProfile.Band ? 0 : 1).ThenBy(g => g, StringComparer.Ordinal))
                L(md, $"| {group} | " + string.Join(" | ", p.Mean(group).Select(x => N(x, "0"))) + $" | {(p.BeatOneStrongest(group) ? "yes" : "**no**")} |");
            if (r.Human.Accents.TryGetValue(metre, out AccentProfile? h) && h.Bars > 0)
                L(md, $"| *human drums ({r.Human.TakesByMetre[metre]} takes, {h.Bars} bars)* | " + string.Join(" | ", h.Mean("drums").Select(x => N(x, "0")))
                      + $" | {(h.BeatOneStrongest("drums") ? "yes" : "no")} |");
            L(md, "| kicks on the beat | " + string.Join(" | ", p.KicksOnBeat) + $" | of {p.Kicks} kicks |");
            if (r.Human.Accents.TryGetValue(metre, out AccentProfile? hk) && hk.Bars > 0)
                L(md, "| *human kicks* | " + string.Join(" | ", hk.KicksOnBeat) + $" | of {hk.Kicks} kicks |");
            int strongest = r.Tally.Styles.Count(s => s.Accents.TryGetValue(metre, out AccentProfile? sp) && sp.BeatOneStrongest(AccentProfile.Band));
            L(md);
            L(md, $"Beat 1 is the band's strongest in {strongest} of {r.Tally.Styles.Count()} styles.");
            if (metre == new TimeSignature(6, 8))
                L(md, $"{P(p.KicksOn(1, 4).Value)} of 6/8 kicks fall on eighths 1 or 4"
                      + (r.Human.Accents.TryGetValue(metre, out AccentProfile? h68) && h68.Kicks > 0 ? $" (human {P(h68.KicksOn(1, 4).Value)})" : "")
                      + $"; the kick's pulse is {(p.KickPulseOn(1, 4) ? "" : "**not** ")}on 1 and 4.");
            L(md);
        }
    }

    private static void Density(StringBuilder md, EvaluationReport r)
    {
        L(md, "## Density per energy (events per bar, plain 4/4 chart)");
        L(md);
        L(md, "| style | part | E0 | E1 | E2 | E3 | E4 | rises |");
        L(md, "|---|---|---|---|---|---|---|---|");
        foreach (StyleTally s in r.Tally.Styles)
        {
            foreach (PartRole part in (PartRole[])[PartRole.Drums, .. StyleTally.PitchedParts])
            {
                DensityLadder d = s.Density(part);
                bool bound = part != PartRole.Drums || s.Family != StyleFamily.NoKit;
                L(md, $"| {s.Style} | {PartRoles.Name(part)} | " + string.Join(" | ", d.EventsPerBar.Select(x => N(x, "0.0")))
                      + $" | {(d.Rises ? "yes" : bound ? "**no**" : "no (not bound)")} |");
            }
        }
        L(md);
    }

    private static void Definitions(StringBuilder md)
    {
        L(md, "## Definitions");
        L(md);
        L(md, "- Onsets snap to the nearest sixteenth; a beat is the metre's denominator note (quarters in x/4, eighths in 6/8).");
        L(md, "- **Backbeat**: share of 4/4 bars with a snare, clap or sidestick on beat 2 and on beat 4. **Kick on 1**: share of 4/4 bars with a kick on beat 1. "
              + "Kicks, snares (snare class only) and hats (closed, pedal, open) per 4/4 bar. Drum classes from models/vocab.json's drum_map, as the data pipeline maps Groove.");
        L(md, "- **Bass on beat 1**: share of bars with a chord whose bass has a note of the chord's bass pitch class (the root, or the written slash note) "
              + "starting on beat 1 or sounding across it from an anticipation.");
        L(md, "- **Chord-tone ratio**: share of a part's notes whose pitch class is a tone of the chord at the onset (a slash chord's bass included). "
              + "**Out of key**: share of notes that are neither chord tones nor in the major scale of the chart's key.");
        L(md, "- **Accents**: mean weight per bar on each beat, weight = sum of onset velocities; band = all parts. **6/8 kick**: eighths 1 and 4 each carry more kicks than every other eighth.");
        L(md, "- **Density**: events (notes or hits) per bar at each energy level, over the plain chart's songs; rises = each level above the one below.");
        L(md, "- **Worst seed**: per style, the seed with the lowest bass-on-beat-1 share, and the seed with the lowest backbeat share.");
    }

    private static string Pair(PitchFigures p) => $"{N(p.ChordTones.Value, "0.00")} / {N(p.OutOfKey.Value, "0.0%")}";

    private static string Family(StyleFamily f) => f switch
    {
        StyleFamily.Backbeat => "backbeat",
        StyleFamily.Kit => "kit",
        _ => "no kit",
    };

    private static string P(double x) => N(x, "P");

    private static string N(double x, string format) => !double.IsFinite(x) ? "–"
        : format == "P" ? (x * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : x.ToString(format, CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static void L(StringBuilder md, string line = "") => md.Append(line).Append('\n');
}
