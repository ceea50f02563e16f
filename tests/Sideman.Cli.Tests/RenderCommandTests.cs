using Sideman.Music.Midi.Files;
using Sideman.Tests.Shared;

namespace Sideman.Cli.Tests;

/// <summary>
/// <c>sideman render</c> and <c>sideman chords</c> as a user runs them: a chords-only file in, the live band rendered
/// through the plugin out (mix, five stems, band.mid); every kind of bad input one error, exit status 2, no files.
/// </summary>
[Collection("cli")]
public sealed class RenderCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sideman-cli-").FullName;

    private string Sounds => BundledSounds.EnsureBuilt();

    private string Out(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Chords_in_give_a_mix_five_stems_and_the_bands_midi_and_the_same_again()
    {
        string chords = Out("chords.mid");
        Assert.Equal(0, Program.Run(["chords", "--chart", "C | Am | F | G7", "--tempo", "110", "-o", chords]));
        MidiFile input = MidiFileReader.Read(chords);
        Assert.All(input.Tracks.SelectMany(t => t.Events).Where(e => e.Kind == MidiFileEventKind.NoteOn), e => Assert.Equal(0, e.Channel));

        string[] render = ["render", chords, "--style", "funk", "--energy", "3", "--seed", "9", "--sounds", Sounds];
        Assert.Equal(0, Program.Run([.. render, "--out", Out("a")]));
        foreach (string file in new[] { "mix.wav", "drums.wav", "bass.wav", "keys.wav", "pad.wav", "arp.wav", "band.mid" })
            Assert.True(new FileInfo(Path.Combine(Out("a"), file)).Length > 100, file);
        MidiFile band = MidiFileReader.Read(Path.Combine(Out("a"), "band.mid"));
        var channels = band.Tracks.SelectMany(t => t.Events).Where(e => e.Kind == MidiFileEventKind.NoteOn).Select(e => e.Channel + 1).ToHashSet();
        Assert.Equal(new HashSet<int> { 10, 2, 3, 4, 5 }, channels);
        Assert.Empty(Directory.GetDirectories(_dir, ".*partial*"));

        Assert.Equal(0, Program.Run([.. render, "--out", Out("b")]));
        foreach (string file in new[] { "mix.wav", "bass.wav", "band.mid" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(Out("a"), file)), File.ReadAllBytes(Path.Combine(Out("b"), file)));
    }

    [Fact]
    public void A_chart_renders_in_its_metre()
    {
        Assert.Equal(0, Program.Run(["render", "--chart", "Dm7 | G7 | Cmaj7", "--style", "jazz_swing", "--time-signature", "3/4",
            "--bars", "3", "--sounds", Sounds, "--out", Out("waltz")]));
        MidiFile band = MidiFileReader.Read(Path.Combine(Out("waltz"), "band.mid"));
        Assert.Contains(band.Tracks[0].Events, e => e.Kind == MidiFileEventKind.TimeSignature && e.Data1 == 3 && e.Data2 == 4);
        long end = band.Tracks.SelectMany(t => t.Events).Where(e => e.Kind == MidiFileEventKind.NoteOn).Max(e => e.Tick);
        Assert.True(end < 3 * 3 * band.TicksPerQuarter, "nothing after the three 3/4 bars");
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["render", "no-such-file.mid"], "does not exist" },
        { ["render", "--chart", "C | Xq9 | F"], "Xq9" },
        { ["render", "--chart", "  "], "empty" },
        { ["render", "--chart", "C | F", "--style", "polka"], "polka" },
        { ["render", "--chart", "C | F", "--set", "band.nonsense=3"], "band.nonsense" },
        { ["render", "--chart", "C | F", "--set", "band.swing=loud"], "loud" },
        { ["render", "--chart", "C | F", "--energy", "7"], "--energy" },
        { ["render", "--chart", "C | F", "--tempo", "5"], "--tempo" },
        { ["render", "--chart", "C | F", "--block", "0"], "--block" },
        { ["render", "--chart", "C | F", "--rate", "1000000"], "--rate" },
        { ["render", "--chart", "C | F", "--time-signature", "4/3"], "4/3" },
        { ["render", "--chart", "C | F", "--bars", "0"], "--bars" },
        { ["render"], "either" },
        { ["chords", "--chart", "C | Q", "-o", "x.mid"], "'Q'" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_is_one_error_naming_it_with_status_2_and_no_files(string[] args, string named)
    {
        string outDir = Out("bad");
        var error = new StringWriter();
        TextWriter saved = Console.Error;
        Console.SetError(error);
        int status;
        try
        {
            status = Program.Run(args[0] == "render" ? [.. args, "--sounds", Sounds, "--out", outDir] : args);
        }
        finally
        {
            Console.SetError(saved);
        }
        Assert.Equal(2, status);
        Assert.Contains(named, error.ToString());
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "a refused render left files");
    }

    [Fact]
    public void A_damaged_midi_file_is_refused_naming_the_file()
    {
        string broken = Out("broken.mid");
        File.WriteAllBytes(broken, [.. "MThd"u8.ToArray(), 0, 0, 0, 6, 0, 1, 0, 1]);
        var error = new StringWriter();
        TextWriter saved = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, Program.Run(["render", broken, "--sounds", Sounds, "--out", Out("x")]));
        }
        finally
        {
            Console.SetError(saved);
        }
        Assert.Contains("broken.mid", error.ToString());
        Assert.False(Directory.Exists(Out("x")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
