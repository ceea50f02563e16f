using Sideman.Evaluation.Human;
using Sideman.Evaluation.Tests.Support;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Tests.Human;

public sealed class GrooveCorpusTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sideman-groove-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Header = "drummer,session,id,style,bpm,beat_type,time_signature,midi_filename,audio_filename,duration,split";

    private void Corpus(string[] rows, string[] listed)
    {
        Directory.CreateDirectory(Path.Combine(_dir, GrooveCorpus.Folder));
        File.WriteAllLines(Path.Combine(_dir, GrooveCorpus.Folder, "info.csv"), [Header, .. rows]);
        File.WriteAllLines(Path.Combine(_dir, GrooveCorpus.Manifest), ["path\tsha256\tsource\tlicense", .. listed.Select(p => $"{GrooveCorpus.Folder}/{p}\tx\ty\tCC-BY-4.0")]);
    }

    [Fact]
    public void Only_takes_the_manifest_lists_are_read_in_file_order()
    {
        Corpus(
        [
            "d1,s,d1/s/2,rock,120,beat,4-4,d1/s/2_rock.mid,x.wav,10,train",
            "d1,s,d1/s/1,jazz/swing,70,fill,6-8,d1/s/1_jazz.mid,x.wav,10,test",
            "d1,s,d1/s/3,pop,100,beat,4-4,d1/s/3_pop.mid,x.wav,10,train",
        ], ["d1/s/2_rock.mid", "d1/s/1_jazz.mid"]);

        IReadOnlyList<GrooveTake> takes = GrooveCorpus.Takes(_dir);

        Assert.Equal(["d1/s/1", "d1/s/2"], takes.Select(t => t.Id));
        Assert.Equal(new TimeSignature(6, 8), takes[0].Metre);
        Assert.Equal("fill", takes[0].BeatType);
        Assert.Equal("jazz_ballad", takes[0].Style);
        Assert.Equal($"{GrooveCorpus.Folder}/d1/s/2_rock.mid", takes[1].CorpusPath);
    }

    [Fact]
    public void A_damaged_or_missing_index_is_one_error_naming_the_file()
    {
        string missing = Assert.Throws<InvalidDataException>(() => GrooveCorpus.Takes(_dir)).Message;
        Assert.Contains(GrooveCorpus.Manifest, missing);
        Assert.Contains("--corpus", missing);
        Corpus(["d1,s,d1/s/1,rock,fast,beat,4-4,a.mid,x.wav,10,train"], ["a.mid"]);
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => GrooveCorpus.Takes(_dir));
        Assert.Contains("line 2", e.Message);
        Assert.Contains("fast", e.Message);
    }

    [Fact]
    public void The_real_corpus_has_the_beat_takes_the_baseline_reads()
    {
        IReadOnlyList<GrooveTake> takes = GrooveCorpus.Takes(Repo.Corpus);
        Assert.Equal(491, takes.Count(t => t.BeatType == "beat" && t.Metre == TimeSignature.FourFour));
        Assert.All(takes, t => Assert.True(File.Exists(Path.Combine(Repo.Corpus, t.CorpusPath)), t.CorpusPath));
        Assert.Equal(takes.Select(t => t.CorpusPath).Order(StringComparer.Ordinal), takes.Select(t => t.CorpusPath));
    }
}
