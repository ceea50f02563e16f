using System.Text.Json;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Tests.Support;

namespace Sideman.Evaluation.Tests.Songs;

/// <summary>The drum classes are vocab.json's drum_map, the table the data pipeline maps Groove notes with.</summary>
public sealed class DrumClassesTests
{
    [Fact]
    public void Every_note_of_the_vocabularys_drum_map_gets_its_class_and_no_other_note_does()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Repo.VocabPath));
        var map = doc.RootElement.GetProperty("drum_map").EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetString());
        Assert.True(map.Count > 40);
        for (int note = 0; note < 128; note++)
            Assert.Equal(map.GetValueOrDefault(note), Repo.Drums.Of(note));
        Assert.Null(Repo.Drums.Of(-1));
        Assert.Null(Repo.Drums.Of(128));
    }

    [Fact]
    public void The_groups_name_the_backbeat_and_the_hats()
    {
        Assert.Equal("kick", Repo.Drums.Of(35));
        Assert.Equal("snare", Repo.Drums.Of(40));
        Assert.All(new[] { 38, 37, 39 }, n => Assert.True(DrumClasses.IsBackbeat(Repo.Drums.Of(n)!)));
        Assert.False(DrumClasses.IsBackbeat(Repo.Drums.Of(36)!));
        Assert.All(new[] { 42, 44, 46 }, n => Assert.True(DrumClasses.IsHat(Repo.Drums.Of(n)!)));
        Assert.False(DrumClasses.IsHat(Repo.Drums.Of(51)!)); // ride
    }
}
