using Sideman.Music.Time;
using System.Text.Json;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tests.Tokens;

/// <summary>tests/fixtures/tokens/corpus_samples.json, written by models/training/make_fixtures.py.</summary>
internal sealed class Fixture
{
    private static readonly Lazy<Fixture> Instance = new(() => new Fixture());

    private Fixture()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoFiles.Fixture("tokens", "corpus_samples.json")));
        Root = doc.RootElement.Clone();
    }

    public static Fixture Load() => Instance.Value;

    public JsonElement Root { get; }

    public IEnumerable<JsonElement> Samples => Root.GetProperty("samples").EnumerateArray();

    public static int[] Tokens(JsonElement sample) =>
        sample.GetProperty("tokens").EnumerateArray().Select(t => t.GetInt32()).ToArray();

    /// <summary>The phrase as Python decoded it, rebuilt as C# pattern types.</summary>
    public static PartPhrase Phrase(JsonElement sample)
    {
        var p = sample.GetProperty("phrase");
        Assert.True(PartRoles.TryParse(p.GetProperty("part").GetString()!, out var part));
        int key = p.GetProperty("key").ValueKind == JsonValueKind.Null ? -1 : p.GetProperty("key").GetInt32();
        var bars = new List<BarPattern>();
        foreach (var b in p.GetProperty("bars").EnumerateArray())
        {
            var ts = b.GetProperty("ts");
            Assert.True(SectionKinds.TryParse(b.GetProperty("section").GetString()!, out var section));
            var chords = b.GetProperty("chords").EnumerateArray().Select(c =>
            {
                int tick = c[0].GetInt32();
                if (c[1].ValueKind == JsonValueKind.Null)
                    return new BarChord(tick, ChordSymbol.NoChord);
                Assert.True(ChordQualityInfo.TryParse(c[2].GetString()!, out var q));
                return new BarChord(tick, new ChordSymbol(c[1].GetInt32(), q, c[3].GetInt32()));
            }).ToArray();
            var notes = new List<PitchedEvent>();
            var hits = new List<DrumEvent>();
            foreach (var e in b.GetProperty("events").EnumerateArray())
            {
                var x = e.EnumerateArray().Select(v => v.GetInt32()).ToArray();
                if (part == PartRole.Drums)
                    hits.Add(new DrumEvent(x[0], x[1], x[2], x[3]));
                else
                    notes.Add(new PitchedEvent(x[0], new ChordRelativePitch(x[1], x[2], x[3]), x[4], x[5], x[6]));
            }
            bars.Add(new BarPattern(new TimeSignature(ts[0].GetInt32(), ts[1].GetInt32()), section,
                b.GetProperty("energy").GetInt32(), chords, notes.ToArray(), hits.ToArray()));
        }
        return new PartPhrase(p.GetProperty("style").GetString()!, part, key, p.GetProperty("tempo_bucket").GetInt32(), bars.ToArray());
    }
}
