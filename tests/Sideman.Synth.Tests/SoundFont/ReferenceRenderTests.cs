using System.Text.Json;
using Sideman.Synth.SoundFont;
using Sideman.Synth.Tests.Support;
using Xunit.Abstractions;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>
/// Single notes of known presets against an independent SF2 player: FluidSynth 2.3's renders of
/// the same notes from FluidR3_GM, stored as RMS envelopes, third-octave spectra and stereo balance
/// (Fixtures/make_reference.py). Sample-exact equality with another engine is not expected; the
/// shapes, spectra, balance and relative levels must agree within a few dB.
/// FluidSynth reads initialAttenuation at 0.4 cB per unit (EMU), so these renders do too.
/// </summary>
[Collection(FluidR3Collection.Name)]
public sealed class ReferenceRenderTests
{
    private readonly FluidR3Fixture _fluid;
    private readonly ITestOutputHelper _output;

    public ReferenceRenderTests(FluidR3Fixture fluid, ITestOutputHelper output)
    {
        _fluid = fluid;
        _output = output;
    }

    private sealed record Case(string Name, int Bank, int Program, int Key, int Velocity, double[] EnvelopeDb, double[] BandsDb, double BalanceDb);

    private sealed record Reference(int SampleRate, double Seconds, double NoteOffSeconds, int Frame, int SpectrumStart,
        int SpectrumSize, double BandBaseHz, Case[] Cases);

    private static readonly Lazy<Reference> Fixture = new(() =>
        JsonSerializer.Deserialize<Reference>(File.ReadAllText(TestPaths.Fixture("reference/fluidsynth-reference.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);

    private static readonly Dictionary<string, (double[] Envelope, double[] Bands, double Balance)> Rendered = new();

    private (double[] Envelope, double[] Bands, double Balance) Ours(Case c)
    {
        lock (Rendered)
        {
            if (!Rendered.TryGetValue(c.Name, out var result)) Rendered[c.Name] = result = Render(c);
            return result;
        }
    }

    private (double[] Envelope, double[] Bands, double Balance) Render(Case c)
    {
        var r = Fixture.Value;
        var part = Renderer.DryPart(_fluid.Bank, c.Bank, c.Program, r.SampleRate,
            new PartSynthOptions { AttenuationMode = AttenuationMode.Emu });
        int total = (int)(r.Seconds * r.SampleRate);
        var (left, right) = Renderer.Note(part, c.Key, c.Velocity, (int)(r.NoteOffSeconds * r.SampleRate), total);
        var mono = Analysis.Mono(left, right);
        double l = 0, rr = 0;
        for (int i = 0; i < r.SampleRate; i++)
        {
            l += (double)left[i] * left[i];
            rr += (double)right[i] * right[i];
        }
        return (Analysis.EnvelopeDb(mono, r.Frame),
            Analysis.BandsDb(mono, r.SpectrumStart, r.SpectrumSize, r.SampleRate, r.BandBaseHz, c.BandsDb.Length),
            10 * Math.Log10((l + 1e-12) / (rr + 1e-12)));
    }

    public static IEnumerable<object[]> Cases() =>
        TestPaths.HasFluidR3 ? Fixture.Value.Cases.Select(c => new object[] { c.Name }) : new[] { new object[] { "none" } };

    [RequiresFluidR3Theory]
    [MemberData(nameof(Cases))]
    public void Envelope_spectrum_and_balance_match_fluidsynth(string name)
    {
        var c = Fixture.Value.Cases.Single(x => x.Name == name);
        var (envelope, bands, balance) = Ours(c);
        double offset = GlobalLevelOffset();

        // Envelope, smoothed to 50 ms so a bass note's cycle-by-cycle ripple does not count: every
        // window within 40 dB of the reference peak, over note and release.
        var reference = Smooth(c.EnvelopeDb);
        var ours = Smooth(envelope);
        double peak = reference.Max();
        var diffs = new List<double>();
        for (int f = 1; f < reference.Length; f++)
        {
            if (reference[f] < peak - 40) continue;
            diffs.Add(ours[f] - offset - reference[f]);
        }
        Assert.True(diffs.Count > 5, "the reference note is too short to compare");
        double meanAbs = diffs.Average(Math.Abs);
        Assert.True(meanAbs < 1.5, $"{name}: envelope differs by {meanAbs:F2} dB on average");
        Assert.True(diffs.Max(Math.Abs) < 6, $"{name}: envelope frame off by {diffs.Max(Math.Abs):F1} dB");

        // Spectrum shape (levels normalised to each render's strongest band), bands within 40 dB.
        double refTop = c.BandsDb.Max(), ourTop = bands.Max();
        var bandDiffs = new List<double>();
        for (int b = 0; b < bands.Length; b++)
        {
            if (c.BandsDb[b] < refTop - 40) continue;
            bandDiffs.Add(bands[b] - ourTop - (c.BandsDb[b] - refTop));
        }
        double bandMean = bandDiffs.Average(Math.Abs);
        Assert.True(bandMean < 2.0, $"{name}: spectrum differs by {bandMean:F2} dB on average");
        Assert.True(bandDiffs.Max(Math.Abs) < 6, $"{name}: a band is off by {bandDiffs.Max(Math.Abs):F1} dB");

        _output.WriteLine($"{name}: envelope mean |diff| {meanAbs:F2} dB (max {diffs.Max(Math.Abs):F2}), spectrum mean |diff| {bandMean:F2} dB (max {bandDiffs.Max(Math.Abs):F2}), balance {balance - c.BalanceDb:F2} dB, global offset {offset:F2} dB");
        Assert.InRange(balance - c.BalanceDb, -1.0, 1.0);
    }

    [RequiresFluidR3Fact]
    public void Relative_levels_between_presets_match_fluidsynth()
    {
        // One gain constant separates the two engines (output scaling); after it, every preset's
        // peak level must agree, so attenuation, velocity and pan laws match.
        double offset = GlobalLevelOffset();
        Assert.InRange(offset, -3, 3);
        foreach (var c in Fixture.Value.Cases)
        {
            double ours = Ours(c).Envelope.Max() - offset;
            Assert.True(Math.Abs(ours - c.EnvelopeDb.Max()) < 1.5, $"{c.Name}: peak {ours:F1} dB vs FluidSynth {c.EnvelopeDb.Max():F1} dB");
        }
    }

    // Energy average over 5 frames (50 ms), centred.
    private static double[] Smooth(double[] db)
    {
        var result = new double[db.Length];
        for (int f = 0; f < db.Length; f++)
        {
            double energy = 0;
            int count = 0;
            for (int k = Math.Max(0, f - 2); k <= Math.Min(db.Length - 1, f + 2); k++, count++)
                energy += Math.Pow(10, db[k] / 10);
            result[f] = 10 * Math.Log10(energy / count + 1e-18);
        }
        return result;
    }

    private double GlobalLevelOffset()
    {
        var d = Fixture.Value.Cases.Select(c => Ours(c).Envelope.Max() - c.EnvelopeDb.Max()).OrderBy(x => x).ToList();
        return d[d.Count / 2];
    }
}
