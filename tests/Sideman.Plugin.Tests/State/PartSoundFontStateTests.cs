using Sideman.Engine;
using Sideman.Engine.Band;
using Sideman.Plugin.State;
using Sideman.Plugin.Tests.Support;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Plugin.Tests.State;

/// <summary>User SoundFont paths and the band's parameters in the saved state: round trips, fallbacks, old songs.</summary>
public sealed class PartSoundFontStateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sideman-state-sf2-").FullName;
    private readonly string _valid;
    private readonly string _missing;

    public PartSoundFontStateTests()
    {
        BundledSounds.EnsureBuilt();
        _valid = Path.Combine(_folder, "Ünïcode Keys.sf2");
        SoundFontWriter.Write(SoundFontSubset.Build(BundledSounds.Bank.File, [new PresetAddress(0, 4)], "test"), _valid);
        _missing = Path.Combine(_folder, "gone", "bass.sf2");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static SidemanProcessor Active()
    {
        var processor = new SidemanProcessor();
        processor.SetActive(true);
        return processor;
    }

    [Fact]
    public void Paths_and_band_settings_survive_save_and_load_and_a_missing_file_stays_in_the_song()
    {
        SidemanProcessor first = Active();
        Assert.True(first.SetPartSoundFont(BandPart.Keys, _valid, out _));
        Assert.False(first.SetPartSoundFont(BandPart.Bass, _missing, out string? problem));
        Assert.Contains("does not exist", problem);
        byte[] withBand = new StateBuilder().Value("band.style", 13).Value("keys.pan", -40).Value("drums.mute", 1).Build();
        Assert.True(first.LoadState(withBand).Success); // a state without user files clears them...
        Assert.Null(first.Engine.Sounds.PartSoundFontPath(BandPart.Keys));
        first.SetPartSoundFont(BandPart.Keys, _valid, out _); // ...so set them again
        first.SetPartSoundFont(BandPart.Bass, _missing, out _);
        byte[] saved = first.SaveState();

        SidemanProcessor second = Active();
        StateReadResult result = second.LoadState(saved);
        Assert.True(result.Success, result.Error);
        Assert.Equal(_valid, second.Engine.Sounds.PartSoundFontPath(BandPart.Keys));
        Assert.Equal(_missing, second.Engine.Sounds.PartSoundFontPath(BandPart.Bass));
        Assert.True(second.Engine.Sounds.PartUsesOwnSoundFont(BandPart.Keys));
        Assert.False(second.Engine.Sounds.PartUsesOwnSoundFont(BandPart.Bass));
        Assert.Contains(_missing, second.SoundStatus.Text);
        Assert.Contains(_missing, TestLog.Read());
        Assert.Equal(saved, second.SaveState());

        var reread = new StateReader(EngineParameters.All).Read(saved).Settings!;
        Assert.Equal(13, reread[EngineParameters.Style]);
        Assert.Equal(-40, reread[EngineParameters.KeysPan]);
        Assert.Equal(1, reread[EngineParameters.DrumsMute]);
    }

    [Fact]
    public void A_missing_file_that_returns_plays_again_at_the_next_activation()
    {
        SidemanProcessor processor = Active();
        Assert.False(processor.SetPartSoundFont(BandPart.Pad, _missing, out _));
        Directory.CreateDirectory(Path.GetDirectoryName(_missing)!);
        File.Copy(_valid, _missing);
        processor.SetActive(false);
        processor.SetActive(true);
        Assert.True(processor.Engine.Sounds.PartUsesOwnSoundFont(BandPart.Pad));
        Assert.True(processor.SoundStatus.IsClear, processor.SoundStatus.Text);
    }

    [Fact]
    public void A_song_saved_before_the_band_existed_loads_with_band_defaults_and_no_user_files()
    {
        SidemanProcessor processor = Active();
        processor.SetPartSoundFont(BandPart.Drums, _valid, out _);
        // Version 1 with only the issue-2 parameters and no SFNT blob.
        byte[] old = new StateBuilder().Value("master.volume", -2).Value("synth.attack", 30).Value("synth.release", 400).Build();
        StateReadResult result = processor.LoadState(old);
        Assert.True(result.Success, result.Error);
        Assert.Contains("drums.preset", result.MissingIds);
        Assert.Contains("band.style", result.MissingIds);
        Assert.Null(processor.Engine.Sounds.PartSoundFontPath(BandPart.Drums));
        SettingsSnapshot_Has_Defaults(processor);
    }

    [Fact]
    public void Unknown_blobs_are_kept_beside_the_user_files()
    {
        SidemanProcessor processor = Active();
        byte[] withForeign = new StateBuilder().Value("master.volume", 0).Blob("CHRD", [1, 2, 3]).Build();
        Assert.True(processor.LoadState(withForeign).Success);
        processor.SetPartSoundFont(BandPart.Arp, _valid, out _);
        var blobs = new StateReader(EngineParameters.All).Read(processor.SaveState()).Settings!.Blobs;
        Assert.Contains(blobs, b => b.Tag == Engine.State.StateBlob.MakeTag("CHRD") && b.Data.ToArray().SequenceEqual(new byte[] { 1, 2, 3 }));
        Assert.Contains(blobs, b => b.Tag == PartSoundFontBlob.Tag);
    }

    private static void SettingsSnapshot_Has_Defaults(SidemanProcessor processor)
    {
        var settings = new StateReader(EngineParameters.All).Read(processor.SaveState()).Settings!;
        foreach (var d in EngineParameters.All.All.Where(d => d.IsPersisted))
        {
            double expected = d == EngineParameters.MasterVolume ? -2 : d == EngineParameters.SynthAttack ? 30
                : d == EngineParameters.SynthRelease ? 400 : d.DefaultPlain;
            Assert.Equal(expected, settings[d]);
        }
    }
}
