using System.Text.Json;
using Sideman.Model.Decoding;
using Sideman.Model.Decoding.Songs;
using Sideman.Model.Originality;
using Sideman.Model.Tests.Onnx;
using Sideman.Model.Tokens;
using Sideman.Music.Midi.Files;
using Sideman.Music.Patterns;
using Xunit.Abstractions;

namespace Sideman.Model.Tests.Decoding;

/// <summary>`sideman generate` end to end below the command line: chart → plan → generated parts → MIDI file and JSONL, read back.</summary>
[Collection(GeneratorModelCollection.Name)]
public sealed class SongGenerationTests(GeneratorModelFixture fx, ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sideman-song-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly PartRole[] Parts = [PartRole.Drums, PartRole.Bass, PartRole.Keys, PartRole.Pad, PartRole.Arp];

    private (byte[] Midi, IReadOnlyList<GeneratedPart> Parts, SongPlan Plan) Song(GeneratorAssets assets, ulong seed)
    {
        SongPlan plan = SongPlan.Create(new SongRequest
        {
            Chart = "C | Am7 | Dm7 G7 | C/E | F | Fm6 | C | N.C.", Repeat = 3, Bpm = 100, Energy = "1..4", Sections = "verse:8,chorus:16", Fills = true,
        });
        var progress = new List<(PartRole, int)>();
        IReadOnlyList<GeneratedPart> parts = SongGenerator.Generate(assets, plan, Parts, new GeneratorSettings { Seed = seed }, (p, done, _) => progress.Add((p, done)));
        Assert.Equal(Parts.Length * plan.Bars.Count, progress.Count);
        return (MidiFileWriter.ToBytes(SongMidiWriter.Build(plan, parts)), parts, plan);
    }

    private string WriteIndexFromCorpusSamples()
    {
        // The pairs the test model was trained on, as the shipped index would hold them.
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Tokens.RepoFiles.Fixture("tokens", "corpus_samples.json")));
        var keys = new List<ulong>();
        foreach (JsonElement s in doc.RootElement.GetProperty("samples").EnumerateArray())
        {
            int part = fx.Vocabulary.Id("PART_" + s.GetProperty("part").GetString());
            ulong[] h = s.GetProperty("bar_hashes").EnumerateArray().Select(e => ulong.Parse(e.GetString()!)).ToArray();
            for (int i = 1; i < h.Length; i++)
                keys.Add(PairKey.Compute(part, h[i - 1], h[i]));
        }
        string path = Path.Combine(_dir, "test.fingerprints");
        OriginalityIndexWriter.Write(path, fx.VocabSha256, keys);
        return path;
    }

    [Fact]
    public void A_chart_becomes_a_valid_midi_file_with_one_track_per_part()
    {
        using GeneratorAssets assets = GeneratorAssets.Open(fx.ModelPath, fx.VocabPath, WriteIndexFromCorpusSamples());
        var (bytes, parts, plan) = Song(assets, seed: 4);
        string path = Path.Combine(_dir, "song.mid");
        File.WriteAllBytes(path, bytes);
        MidiFile file = MidiFileReader.Read(path);

        Assert.Equal(1, file.Format);
        Assert.Equal(SongMidiWriter.TicksPerQuarter, file.TicksPerQuarter);
        Assert.Equal(["Sideman", "Drums", "Bass", "Keys", "Pad", "Arp"], file.Tracks.Select(t => t.Name));
        Assert.Equal(MidiFileEvent.Tempo(0, 600000), file.Tracks[0].Events[0]);
        long songTicks = plan.Bars.Count * 4L * SongMidiWriter.TicksPerQuarter;
        for (int p = 0; p < Parts.Length; p++)
        {
            MidiTrack track = file.Tracks[p + 1];
            var (channel, program) = SongMidiWriter.Voice(Parts[p]);
            Assert.Equal(MidiFileEvent.Program(0, channel, program), track.Events[0]);
            Assert.All(track.Events, e => Assert.Equal(channel, e.Channel));
            Assert.Equal(songTicks, track.EndTick);
            // Every note-on is closed by a note-off on the same key, later, and notes lie in the part's register.
            var open = new Dictionary<int, long>();
            int notes = 0;
            foreach (MidiFileEvent e in track.Events)
            {
                if (e.Kind == MidiFileEventKind.NoteOn)
                {
                    Assert.False(open.ContainsKey(e.Data1), $"{Parts[p]}: key {e.Data1} struck again while sounding at {e.Tick}");
                    open[e.Data1] = e.Tick;
                    notes++;
                    if (Parts[p] != PartRole.Drums)
                        Assert.InRange(e.Data1, SongMidiWriter.PlayableRange(Parts[p]).Low, SongMidiWriter.PlayableRange(Parts[p]).High);
                    // No notes in the N.C. bars (every 8th bar) for pitched parts, beyond micro-timed notes of the bars around.
                    long bar = 4 * SongMidiWriter.TicksPerQuarter;
                    if (Parts[p] != PartRole.Drums && e.Tick / bar % 8 == 7)
                        Assert.True(e.Tick % bar <= 12 || e.Tick % bar >= bar - 12, $"{Parts[p]}: note at {e.Tick} in an N.C. bar");
                }
                else if (e.Kind == MidiFileEventKind.NoteOff)
                {
                    Assert.True(open.Remove(e.Data1, out long on), $"{Parts[p]}: note-off without note-on at {e.Tick}");
                    Assert.True(e.Tick > on);
                }
            }
            Assert.Empty(open);
            Assert.True(notes > 0, $"{Parts[p]} has no notes");
            output.WriteLine($"{Parts[p]}: {notes} notes; stats {parts[p].Stats}");
            Assert.Equal(0, parts[p].Stats.CopiesEmitted);
        }
    }

    [Fact]
    public void The_same_request_gives_the_same_bytes_and_another_seed_other_music()
    {
        using GeneratorAssets assets = GeneratorAssets.Open(fx.ModelPath, fx.VocabPath, null);
        byte[] a = Song(assets, 11).Midi;
        byte[] b = Song(assets, 11).Midi;
        byte[] c = Song(assets, 12).Midi;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Tokens_out_holds_one_decodable_sequence_per_part_with_its_settings()
    {
        using GeneratorAssets assets = GeneratorAssets.Open(fx.ModelPath, fx.VocabPath, null);
        var (_, parts, plan) = Song(assets, 3);
        string path = Path.Combine(_dir, "tokens.jsonl");
        var settings = new GeneratorSettings { Seed = 3 };
        TokenTranscriptWriter.Write(path, parts, assets, settings, null);
        string[] lines = File.ReadAllLines(path);
        Assert.Equal(Parts.Length, lines.Length);
        var tokenizer = new PatternTokenizer(fx.Vocabulary);
        for (int i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            JsonElement r = doc.RootElement;
            Assert.Equal(PartRoles.Name(Parts[i]), r.GetProperty("part").GetString());
            Assert.Equal(fx.VocabSha256, r.GetProperty("vocab_sha256").GetString());
            Assert.Equal(3UL, r.GetProperty("seed").GetUInt64());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("guard").ValueKind);
            int[] tokens = r.GetProperty("tokens").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(parts[i].Tokens, tokens);
            PartPhrase phrase = tokenizer.Decode(tokens);
            Assert.Equal(plan.Bars.Count, phrase.Bars.Length);
            Assert.Equal(plan.Bars.Count, r.GetProperty("bars").GetInt32());
            // The musical guard's settings and counters, as the generator kept them (drums are never checked).
            Assert.Equal(MusicalGuardSettings.Default.Attempts, r.GetProperty("musical_guard_attempts").GetInt32());
            JsonElement stats = r.GetProperty("stats");
            GenerationStats s = parts[i].Stats;
            Assert.Equal(s.MusicalChecks, stats.GetProperty("musical_checks").GetInt64());
            Assert.Equal(s.BeatOneRejections, stats.GetProperty("beat_one_rejections").GetInt64());
            Assert.Equal(s.MusicalViolationsKept, stats.GetProperty("musical_violations_kept").GetInt64());
            if (Parts[i] == PartRole.Drums)
                Assert.Equal(0, s.MusicalChecks);
            else
                Assert.True(s.MusicalChecks >= plan.Bars.Count);
        }
    }
}

/// <summary>Files that do not belong together are refused at load, naming the file and the problem.</summary>
[Collection(GeneratorModelCollection.Name)]
public sealed class GeneratorAssetsTests(GeneratorModelFixture fx)
{
    [Fact]
    public void A_model_trained_with_another_vocabulary_is_refused()
    {
        var tiny = new TestModelFixture(); // the synthetic-vocabulary parity model
        var e = Assert.Throws<ModelException>(() => GeneratorAssets.Open(tiny.ModelPath, fx.VocabPath, null));
        Assert.Equal(ModelErrorKind.VocabularyMismatch, e.Kind);
        Assert.Contains(tiny.ModelPath, e.Message);
        Assert.Contains("vocab", e.Message);
    }

    [Fact]
    public void A_missing_model_vocab_or_index_is_named()
    {
        string missing = Path.Combine(Path.GetTempPath(), "sideman-missing-" + Guid.NewGuid().ToString("N"));
        var m = Assert.Throws<ModelException>(() => GeneratorAssets.Open(missing + ".onnx", fx.VocabPath, null));
        Assert.Equal(ModelErrorKind.ModelFileMissing, m.Kind);
        Assert.Contains(missing, m.Message);
        var v = Assert.Throws<VocabularyException>(() => GeneratorAssets.Open(fx.ModelPath, missing + ".json", null));
        Assert.Contains(missing, v.Message);
        var i = Assert.Throws<OriginalityIndexException>(() => GeneratorAssets.Open(fx.ModelPath, fx.VocabPath, missing + ".fingerprints"));
        Assert.Equal(OriginalityIndexErrorKind.FileMissing, i.Kind);
        Assert.Contains(missing, i.Message);
    }

    [Fact]
    public void An_index_built_for_another_vocabulary_is_refused()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sideman-other-{Guid.NewGuid():N}.fingerprints");
        try
        {
            OriginalityIndexWriter.Write(path, new string('e', 64), [1, 2, 3]);
            var e = Assert.Throws<OriginalityIndexException>(() => GeneratorAssets.Open(fx.ModelPath, fx.VocabPath, path));
            Assert.Equal(OriginalityIndexErrorKind.VocabularyMismatch, e.Kind);
            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_damaged_model_file_is_named()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sideman-damaged-{Guid.NewGuid():N}.onnx");
        try
        {
            byte[] bytes = File.ReadAllBytes(fx.ModelPath);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
            var e = Assert.Throws<ModelException>(() => GeneratorAssets.Open(path, fx.VocabPath, null));
            Assert.Equal(ModelErrorKind.ModelFileDamaged, e.Kind);
            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
