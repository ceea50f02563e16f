using Sideman.Model.Decoding;
using Sideman.Music.Patterns;
using Xunit.Abstractions;

namespace Sideman.Model.Tests.Decoding;

/// <summary>
/// Energy is the density control the user turns (and a song plan ramps): with the shipped model and the
/// shipped decoder, every part must play more at each level than at the one below.
/// Runs beside the allocation tests on purpose: its loading and decoding on another thread is what used to
/// make their per-thread counters read bytes that were never allocated (see ThreadAllocation).
/// </summary>
public sealed class ShippedModelEnergyTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_part_plays_more_events_per_bar_at_each_higher_energy()
    {
        DefaultModelFiles files = DefaultModelFiles.Locate(); // the committed release model, found from the test's folder
        Assert.NotNull(files.ModelPath);
        Assert.NotNull(files.IndexPath);
        using GeneratorAssets assets = GeneratorAssets.Open(files.ModelPath!, files.VocabPath!, files.IndexPath);
        PartRole[] parts = [PartRole.Drums, PartRole.Bass, PartRole.Keys, PartRole.Pad, PartRole.Arp];
        IReadOnlyList<EnergySweepRow> rows = EnergySweep.Measure(assets, parts, barsPerLevel: 4);
        var table = new StringWriter();
        EnergySweep.Write(rows, 4, EnergySweep.DefaultStyles.Length, table);
        output.WriteLine(table.ToString());
        Assert.All(rows, r => Assert.True(r.Rises, $"{PartRoles.Name(r.Part)} does not rise with energy:\n{table}"));
    }

    [Fact]
    public void A_ladder_that_dips_does_not_count_as_rising()
    {
        Assert.True(new EnergySweepRow(PartRole.Bass, [1, 2, 3, 4, 5]).Rises);
        Assert.False(new EnergySweepRow(PartRole.Bass, [1, 2, 3, 4, 4]).Rises);
        Assert.False(new EnergySweepRow(PartRole.Bass, [2, 1, 3, 4, 5]).Rises);
        Assert.False(new EnergySweepRow(PartRole.Bass, [1, 2, double.NaN, 4, 5]).Rises);
    }
}
