using System.Text.Json;
using Sideman.Evaluation.Human;
using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Suite;
using Sideman.Model.Decoding;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Report;

/// <summary>
/// The evaluation as JSON (format "sideman-style-eval", version 1): the suite, the model, the human baseline,
/// per style the drum, bass, pitched-part, accent and density figures, the pooled accents per metre, and every
/// bound's result. Shares are 0..1, rounded to 4 places; a figure that could not be measured is null. The same
/// evaluation writes the same bytes.
/// </summary>
public static class ReportJson
{
    public const string Format = "sideman-style-eval";
    public const int Version = 1;

    public static void Write(EvaluationReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteNumber("version", Version);
        w.WriteString("model", report.ModelFile);
        w.WriteString("model_version", report.ModelVersion);
        w.WriteString("vocab_sha256", report.VocabSha256);
        if (report.GuardFile is null)
            w.WriteNull("guard");
        else
            w.WriteString("guard", report.GuardFile);
        if (report.DensityFile is null)
            w.WriteNull("density");
        else
            w.WriteString("density", report.DensityFile);
        Guards(w, report.Tally.Guards);
        Suite(w, report);
        Human(w, report.Human);
        w.WriteStartArray("styles");
        foreach (StyleTally s in report.Tally.Styles)
            Style(w, s, report.Human);
        w.WriteEndArray();
        w.WriteStartObject("accents");
        foreach (var (metre, profile) in EvaluationSuite.InMetreOrder(report.Tally.Accents))
            Accent(w, metre.ToString(), profile, null);
        w.WriteEndObject();
        Bounds(w, report.Bounds);
        w.WriteEndObject();
    }

    private static void Suite(Utf8JsonWriter w, EvaluationReport report)
    {
        EvaluationSuite suite = report.Suite;
        w.WriteStartObject("suite");
        w.WriteString("name", suite.Name);
        w.WriteNumber("songs", report.Tally.Songs);
        w.WriteNumber("bars", report.Tally.Bars);
        w.WriteNumber("bars_per_song", suite.BarsPerSong);
        w.WriteStartArray("seeds");
        foreach (ulong seed in suite.Seeds)
            w.WriteNumberValue(seed);
        w.WriteEndArray();
        w.WriteStartArray("charts");
        foreach (EvaluationChart chart in EvaluationSuite.Charts)
        {
            w.WriteStartObject();
            w.WriteString("name", chart.Name);
            w.WriteString("metre", chart.Metre.ToString());
            w.WriteString("key", chart.Key);
            w.WriteString("chart", chart.Text(suite.BarsPerSong));
            w.WriteString("energy", chart == EvaluationSuite.Plain ? "0..4 (one song per level)" : $"{EvaluationSuite.LadderEnergyOfOtherCharts}");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("tempo");
        foreach (string style in suite.Styles)
            w.WriteNumber(style, EvaluationSuite.TempoOf(style));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Guards(Utf8JsonWriter w, GuardTally g)
    {
        w.WriteStartObject("guards");
        w.WriteNumber("musical_attempts", MusicalGuardSettings.Default.Attempts);
        w.WriteNumber("bars", g.Bars);
        w.WriteNumber("musical_checks", g.MusicalChecks);
        w.WriteNumber("musical_resamples", g.MusicalResamples);
        w.WriteNumber("musical_violations_kept", g.MusicalViolationsKept);
        w.WriteNumber("beat_one_repairs", g.BeatOneRepairs);
        w.WriteNumber("key_repairs", g.KeyRepairs);
        w.WriteNumber("copies_rejected", g.CopiesRejected);
        w.WriteEndObject();
    }

    private static void Human(Utf8JsonWriter w, HumanBaseline human)
    {
        w.WriteStartObject("human");
        w.WriteString("source", "Groove MIDI dataset: every beat take (no fills) that manifest.tsv lists; styles as the data pipeline maps them");
        w.WriteNumber("takes_4_4", human.Takes4x4);
        w.WriteNumber("min_bars_for_style", HumanBaseline.MinBarsForStyle);
        w.WriteNumber("min_takes_for_style", HumanBaseline.MinTakesForStyle);
        Drums(w, "all", human.All);
        Drums(w, "backbeat_styles", human.BackbeatStyles);
        w.WriteStartObject("styles");
        foreach (string style in human.Styles)
        {
            w.WriteStartObject(style);
            w.WriteNumber("takes", human.TakesOf(style));
            w.WriteBoolean("covered", human.Covering(style) is not null);
            Drums(w, "drums", human.Of(style)!.Value);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("accents");
        foreach (var (metre, profile) in EvaluationSuite.InMetreOrder(human.Accents))
            Accent(w, metre.ToString(), profile, human.TakesByMetre[metre]);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Style(Utf8JsonWriter w, StyleTally s, HumanBaseline human)
    {
        w.WriteStartObject();
        w.WriteString("style", s.Style);
        w.WriteString("family", s.Family.ToString().ToLowerInvariant());
        w.WriteNumber("songs", s.Songs);
        w.WriteNumber("bars", s.Bars);
        w.WriteNumber("tempo", EvaluationSuite.TempoOf(s.Style));

        w.WriteStartObject("drums_4_4");
        Drums(w, "generated", s.Drums);
        if (human.Of(s.Style) is { } h)
        {
            Drums(w, "human", h);
            w.WriteBoolean("human_covers_style", human.Covering(s.Style) is not null);
        }
        else
        {
            w.WriteNull("human");
        }
        w.WriteStartObject("by_seed");
        foreach (var (seed, f) in s.DrumsBySeed)
            Drums(w, seed.ToString(System.Globalization.CultureInfo.InvariantCulture), f);
        w.WriteEndObject();
        WorstSeed(w, "worst_backbeat_seed", s.WorstBackbeatSeed);
        w.WriteEndObject();

        w.WriteStartObject("bass_beat_1");
        Bass(w, s.Bass);
        w.WriteStartObject("by_seed");
        foreach (var (seed, b) in s.BassBySeed)
        {
            w.WriteStartObject(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Bass(w, b);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        WorstSeed(w, "worst_seed", s.WorstBassSeed);
        w.WriteEndObject();

        w.WriteStartObject("parts");
        foreach (PartRole part in (PartRole[])[PartRole.Drums, .. StyleTally.PitchedParts])
        {
            w.WriteStartObject(PartRoles.Name(part));
            if (part != PartRole.Drums)
            {
                PitchFigures p = s.Pitch(part);
                w.WriteNumber("notes", p.ChordTones.Total);
                Share(w, "chord_tones", p.ChordTones);
                Share(w, "out_of_key", p.OutOfKey);
            }
            DensityLadder d = s.Density(part);
            w.WriteStartArray("density_by_energy");
            foreach (double x in d.EventsPerBar)
                Number(w, x, 2);
            w.WriteEndArray();
            w.WriteBoolean("density_rises", d.Rises);
            w.WriteEndObject();
        }
        w.WriteEndObject();

        w.WriteStartObject("accents");
        foreach (var (metre, profile) in EvaluationSuite.InMetreOrder(s.Accents))
            Accent(w, metre.ToString(), profile, null);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Drums(Utf8JsonWriter w, string name, DrumFigures f)
    {
        w.WriteStartObject(name);
        w.WriteNumber("bars", f.Bars);
        Share(w, "backbeat", f.Backbeat);
        Share(w, "kick_on_1", f.KickOnOne);
        Field(w, "kicks_per_bar", f.KicksPerBar);
        Field(w, "snares_per_bar", f.SnaresPerBar);
        Field(w, "hats_per_bar", f.HatsPerBar);
        w.WriteEndObject();
    }

    private static void Bass(Utf8JsonWriter w, BassDownbeat b)
    {
        Share(w, "all", b.All);
        Share(w, "plain", b.Plain);
        Share(w, "slash", b.Slash);
        w.WriteNumber("plain_bars", b.Plain.Total);
        w.WriteNumber("slash_bars", b.Slash.Total);
    }

    private static void WorstSeed(Utf8JsonWriter w, string name, (ulong Seed, Ratio Rate)? worst)
    {
        if (worst is not { } x)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteNumber("seed", x.Seed);
        Share(w, "rate", x.Rate);
        w.WriteEndObject();
    }

    private static void Accent(Utf8JsonWriter w, string name, AccentProfile p, int? takes)
    {
        w.WriteStartObject(name);
        if (takes is int t)
            w.WriteNumber("takes", t);
        w.WriteNumber("bars", p.Bars);
        w.WriteStartObject("weight_per_beat");
        foreach (string group in p.Groups)
        {
            w.WriteStartArray(group);
            foreach (double x in p.Mean(group))
                Number(w, x, 1);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        string main = p.Groups.Contains(AccentProfile.Band) ? AccentProfile.Band : PartRoles.Name(PartRole.Drums);
        w.WriteBoolean("beat_1_strongest", p.BeatOneStrongest(main));
        w.WriteNumber("kicks", p.Kicks);
        w.WriteStartArray("kicks_on_beat");
        foreach (long k in p.KicksOnBeat)
            w.WriteNumberValue(k);
        w.WriteEndArray();
        if (p.Metre == new TimeSignature(6, 8))
        {
            Share(w, "kicks_on_1_or_4", p.KicksOn(1, 4));
            w.WriteBoolean("kick_pulse_on_1_and_4", p.KickPulseOn(1, 4));
        }
        w.WriteEndObject();
    }

    private static void Bounds(Utf8JsonWriter w, IReadOnlyList<BoundResult> bounds)
    {
        w.WriteStartObject("bounds");
        w.WriteBoolean("all_hold", bounds.All(b => b.Holds));
        w.WriteNumber("checked", bounds.Count);
        w.WriteNumber("failed", bounds.Count(b => !b.Holds));
        w.WriteStartArray("results");
        foreach (BoundResult b in bounds)
        {
            w.WriteStartObject();
            w.WriteString("bound", b.Bound);
            w.WriteString("subject", b.Subject);
            Field(w, "figure", b.Figure);
            w.WriteString("limit", b.Limit);
            w.WriteBoolean("holds", b.Holds);
            w.WriteString("text", b.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Share(Utf8JsonWriter w, string name, Ratio r) => Field(w, name, r.Value);

    private static void Field(Utf8JsonWriter w, string name, double x, int places = 4)
    {
        w.WritePropertyName(name);
        Number(w, x, places);
    }

    private static void Number(Utf8JsonWriter w, double x, int places)
    {
        if (double.IsFinite(x))
            w.WriteNumberValue(Math.Round(x, places, MidpointRounding.AwayFromZero));
        else
            w.WriteNullValue();
    }
}
