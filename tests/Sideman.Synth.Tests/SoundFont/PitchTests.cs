using System.Text.Json;
using Sideman.Synth.Tests.Support;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>
/// Measured pitch of real FluidR3 presets. A4 on the piano is 440 Hz; keys follow equal
/// temperament exactly; and every preset lands where FluidSynth puts it. (Some FluidR3 sounds are
/// tuned a few cents sharp in the bank itself: the sine wave's single-cycle loop gives 441 Hz, the
/// string and pad ensembles are detuned layers. The reference shows FluidSynth hears the same.)
/// </summary>
[Collection(FluidR3Collection.Name)]
public sealed class PitchTests
{
    private readonly FluidR3Fixture _fluid;

    public PitchTests(FluidR3Fixture fluid) => _fluid = fluid;

    private sealed record Pitch(int Bank, int Program, int Key, double Hz);

    private sealed record Reference(int PitchStart, int PitchSize, int PitchVelocity, Pitch[] Pitches);

    private static readonly Lazy<Reference> Fixture = new(() =>
        JsonSerializer.Deserialize<Reference>(File.ReadAllText(TestPaths.Fixture("reference/fluidsynth-reference.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);

    private static double KeyHz(int key) => 440.0 * Math.Pow(2, (key - 69) / 12.0);

    private double Measure(int bank, int program, int key)
    {
        var r = Fixture.Value;
        var part = Renderer.DryPart(_fluid.Bank, bank, program);
        var (left, right) = Renderer.Note(part, key, r.PitchVelocity, 48_000, 48_000);
        var mono = Analysis.Mono(left, right);
        double expected = KeyHz(key);
        return Analysis.PeakFrequency(mono.AsSpan(r.PitchStart, r.PitchSize), 48_000, expected * 0.94, expected * 1.06);
    }

    public static IEnumerable<object[]> Cases() =>
        Fixture.Value.Pitches.Select(p => new object[] { p.Bank, p.Program, p.Key });

    [RequiresFluidR3Theory]
    [MemberData(nameof(Cases))]
    public void Each_preset_sounds_where_fluidsynth_puts_it(int bank, int program, int key)
    {
        double reference = Fixture.Value.Pitches.Single(p => p.Bank == bank && p.Program == program && p.Key == key).Hz;
        double ours = Measure(bank, program, key);
        Assert.InRange(Analysis.Cents(ours, reference), -0.5, 0.5);
        Assert.InRange(Analysis.Cents(ours, KeyHz(key)), -12, 12);
    }

    [RequiresFluidR3Fact]
    public void Piano_a4_is_440_hz()
    {
        Assert.InRange(Analysis.Cents(Measure(0, 0, 69), 440.0), -1, 1);
    }

    [RequiresFluidR3Theory]
    [InlineData(45)]
    [InlineData(57)]
    [InlineData(60)]
    [InlineData(81)]
    [InlineData(93)]
    public void Sine_keys_keep_equal_temperament_by_zero_crossings(int key)
    {
        // Relative to A4 of the same preset the interval must be exact, whatever the bank's tuning.
        double ZeroCrossingHz(int k)
        {
            var part = Renderer.DryPart(_fluid.Bank, 8, 80);
            var (left, right) = Renderer.Note(part, k, 127, 48_000, 48_000);
            return Analysis.ZeroCrossingFrequency(Analysis.Mono(left, right).AsSpan(4_800, 38_400), 48_000);
        }
        double a4 = ZeroCrossingHz(69);
        Assert.InRange(Analysis.Cents(a4, 441.0), -0.3, 0.3);
        Assert.InRange(Analysis.Cents(ZeroCrossingHz(key), a4) - 100 * (key - 69), -0.3, 0.3);
    }
}
