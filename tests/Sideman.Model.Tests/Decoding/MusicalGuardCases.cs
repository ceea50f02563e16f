using System.Text.Json;
using Sideman.Model.Decoding;
using Sideman.Model.Tests.Tokens;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tests.Decoding;

/// <summary>
/// The hand-made bars of tests/fixtures/guard/musical_guard_cases.json (written by make_cases.py there, with the
/// verdicts worked out by hand), decoded by the generator's own BarDecoder. models/training/tests/test_musical_guard.py
/// checks the Python rules on the same file.
/// </summary>
internal sealed record MusicalGuardCase(
    string Name, string Why, PartHeader Header, MusicalMemory Memory, int Grace, int[] Tokens,
    MusicalVerdict Expected, MusicalMemory? MemoryAfter, bool HasRepair, string? Repair)
{
    public override string ToString() => Name;

    public static IReadOnlyList<MusicalGuardCase> Load(Vocabulary v)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(RepoFiles.Fixture("guard", "musical_guard_cases.json")));
        var list = new List<MusicalGuardCase>();
        foreach (JsonElement c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            PartRoles.TryParse(c.GetProperty("part").GetString()!, out PartRole part);
            var header = PartHeader.Create(c.GetProperty("style").GetString()!, part, c.GetProperty("key").GetInt32(), tempoBucket: 4);
            JsonElement e = c.GetProperty("expect");
            list.Add(new MusicalGuardCase(
                c.GetProperty("name").GetString()!,
                c.GetProperty("why").GetString()!,
                header,
                MemoryOf(c.GetProperty("memory")),
                c.GetProperty("grace").GetInt32(),
                c.GetProperty("tokens").EnumerateArray().Select(t => v.Id(t.GetString()!)).ToArray(),
                new MusicalVerdict(e.GetProperty("beat_one_miss").GetBoolean(), e.GetProperty("beat_one").GetBoolean(),
                                   e.GetProperty("strong").GetInt32(), e.GetProperty("out_of_key").GetInt32()),
                c.TryGetProperty("memory_after", out JsonElement after) ? MemoryOf(after) : null,
                c.TryGetProperty("repair", out JsonElement repair),
                repair.ValueKind == JsonValueKind.String ? repair.GetString() : null));
        }
        return list;
    }

    /// <summary>The case's bar as the generator decodes it (chords with absolute roots, notes in onset order).</summary>
    public GeneratedBar Decode(Vocabulary v)
    {
        var bar = new GeneratedBar(Header.Part, maxChords: 8, maxEvents: 64, maxTokens: 256);
        new BarDecoder(v).Decode(Tokens, Header, bar);
        return bar;
    }

    private static MusicalMemory MemoryOf(JsonElement m)
    {
        int carry = 0;
        foreach (JsonElement pc in m.GetProperty("carry").EnumerateArray())
            carry |= 1 << pc.GetInt32();
        KeyMode mode = m.GetProperty("mode").ValueKind == JsonValueKind.Null ? KeyMode.Unknown
            : m.GetProperty("mode").GetString() == "major" ? KeyMode.Major : KeyMode.Minor;
        return new MusicalMemory((ushort)carry, (byte)m.GetProperty("misses").GetInt32(), mode);
    }
}
