using Sideman.Music.Midi.Files;

namespace Sideman.Cli.Tests;

/// <summary><c>sideman generate</c>: what the song cannot play is said, not dropped silently; a command line that does not parse is status 2.</summary>
[Collection("cli")]
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sideman-generate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Sections_longer_than_the_song_are_a_warning_naming_what_is_cut_and_the_song_is_still_written()
    {
        string song = Path.Combine(_dir, "song.mid");
        var (status, _, error) = CliRun.Run("generate", "--chart", "C | F | G | C", "--sections", "intro:2,verse:4,chorus:4", "--parts", "bass", "--out", song);
        Assert.Equal(0, status);
        Assert.Contains("warning", error);
        Assert.Contains("verse:4 plays 2 of its 4 bars", error);
        Assert.Contains("chorus:4 plays 0 of its 4 bars", error);
        Assert.Contains("--repeat 3", error);
        Assert.Equal(4 * 4 * 96, MidiFileReader.Read(song).Tracks[0].EndTick);

        var (fits, _, quiet) = CliRun.Run("generate", "--chart", "C | F | G | C", "--sections", "intro:2,verse:2", "--parts", "bass", "--out", song);
        Assert.Equal(0, fits);
        Assert.DoesNotContain("warning", quiet);
    }

    [Fact]
    public void An_option_that_does_not_parse_is_status_2()
    {
        var (status, output, error) = CliRun.Run("generate", "--chart", "C", "--seed", "abc", "--out", Path.Combine(_dir, "x.mid"));
        Assert.Equal(2, status);
        Assert.Contains("abc", error + output);
        Assert.False(File.Exists(Path.Combine(_dir, "x.mid")));
    }
}
