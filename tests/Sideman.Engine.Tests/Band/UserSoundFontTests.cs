using Sideman.Engine.Band;
using Sideman.Engine.State;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Band;

/// <summary>
/// A user's own SoundFont per part: a good file plays; a missing or damaged one falls back to the
/// bundled sound with a message (status and log) and keeps its path, so it comes back with the file.
/// </summary>
public sealed class UserSoundFontTests : IDisposable
{
    private readonly UserSoundFonts _files = new();

    public void Dispose() => _files.Dispose();

    private static EngineRig Rig()
    {
        var rig = new EngineRig(48000, 256, bank: BundledSounds.Bank);
        rig.SetPartBusesActive(true);
        return rig;
    }

    private static float[] RenderBass(EngineRig rig) =>
        rig.RenderBuses(24000, 256, [BandNotes.On(100, BandPart.Bass), BandNotes.Off(12000, BandPart.Bass)], [])
            [SidemanEngine.FirstPartBus + (int)BandPart.Bass][0];

    [Fact]
    public void A_valid_file_plays_on_its_part_exactly_as_the_bank_renders_it()
    {
        using EngineRig rig = Rig();
        Assert.True(rig.Engine.Sounds.SetPartSoundFont(BandPart.Bass, _files.Valid, out string? problem), problem);
        float[] engine = RenderBass(rig);

        // The file has one preset (0:81), so the bass (asking for 0:33) falls back to it.
        SoundFontPreset? playing = rig.Engine.PartPreset(BandPart.Bass);
        Assert.Equal((0, 81), (playing!.Bank, playing.Program));
        Assert.Same(rig.Engine.Banks.UserBank(BandPart.Bass), rig.Engine.Banks.For(BandPart.Bass));
        Assert.Same(BundledSounds.Bank, rig.Engine.Banks.For(BandPart.Keys));

        var direct = new PartSynth();
        direct.SetSampleRate(48000);
        direct.SetBank(SoundFontBank.Load(_files.Valid), 0, 81);
        var left = new float[24000];
        var right = new float[24000];
        direct.NoteOn(100, BandNotes.Key(BandPart.Bass), MidiChannelRouting.Velocity(0.8f));
        direct.Render(left.AsSpan(0, 12000), right.AsSpan(0, 12000));
        direct.NoteOff(0, BandNotes.Key(BandPart.Bass));
        direct.Render(left.AsSpan(12000), right.AsSpan(12000));
        Assert.True(Signal.Rms(engine) > 1e-3);
        Assert.Equal(left, engine);
        Assert.True(rig.Engine.Sounds.Status.IsClear, rig.Engine.Sounds.Status.Text);
    }

    [Fact]
    public void A_missing_file_falls_back_to_the_bundled_sound_says_so_and_keeps_the_path()
    {
        using EngineRig rig = Rig();
        Assert.False(rig.Engine.Sounds.SetPartSoundFont(BandPart.Bass, _files.Missing, out string? problem));
        Assert.Contains("does not exist", problem);
        float[] bass = RenderBass(rig);

        Assert.True(Signal.Rms(bass) > 1e-3, "the part went silent instead of falling back");
        SoundFontPreset? playing = rig.Engine.PartPreset(BandPart.Bass);
        Assert.Equal((0, 33), (playing!.Bank, playing.Program));
        Assert.Equal(_files.Missing, rig.Engine.Sounds.PartSoundFontPath(BandPart.Bass));

        SoundStatus status = rig.Engine.Sounds.Status;
        Assert.False(status.IsClear);
        Assert.True(status.BandReady);
        Assert.Contains("Bass", status.Text);
        Assert.Contains(_files.Missing, status.Text);
        Assert.Contains("bundled sound plays instead", status.Text);
        Assert.Contains(_files.Missing, TestLog.Read());

        // Saved with the song despite the fallback.
        StateBlob? blob = rig.Engine.CaptureSettings().Blobs.SingleOrDefault(b => b.Tag == PartSoundFontBlob.Tag);
        Assert.NotNull(blob);
        Assert.True(PartSoundFontBlob.TryRead(blob.Data.Span, out string?[] paths, out _));
        Assert.Equal(_files.Missing, paths[(int)BandPart.Bass]);
    }

    [Fact]
    public void A_damaged_file_falls_back_and_names_the_damage()
    {
        using EngineRig rig = Rig();
        Assert.False(rig.Engine.Sounds.SetPartSoundFont(BandPart.Keys, _files.Damaged, out string? problem));
        Assert.Contains("damaged", problem);
        Assert.Contains("chunk", problem);
        Assert.Contains("Keys", rig.Engine.Sounds.Status.Text);
        Assert.Same(BundledSounds.Bank, rig.Engine.Banks.For(BandPart.Keys));
        Assert.Equal(_files.Damaged, rig.Engine.Sounds.PartSoundFontPath(BandPart.Keys));
    }

    [Fact]
    public void A_file_that_comes_back_is_used_again_and_clearing_returns_to_the_bundled_sound()
    {
        using EngineRig rig = Rig();
        string path = Path.Combine(_files.Folder, "later.sf2");
        Assert.False(rig.Engine.Sounds.SetPartSoundFont(BandPart.Arp, path, out _));
        File.Copy(_files.Valid, path);
        rig.Engine.Sounds.RetryFailedFiles();
        rig.Render(new float[256], new float[256], 256, [], []);
        Assert.True(rig.Engine.Sounds.PartUsesOwnSoundFont(BandPart.Arp));
        Assert.NotSame(BundledSounds.Bank, rig.Engine.Banks.For(BandPart.Arp));
        Assert.True(rig.Engine.Sounds.Status.IsClear);

        Assert.True(rig.Engine.Sounds.SetPartSoundFont(BandPart.Arp, null, out _));
        rig.Render(new float[256], new float[256], 256, [], []);
        Assert.Same(BundledSounds.Bank, rig.Engine.Banks.For(BandPart.Arp));
        Assert.Null(rig.Engine.Sounds.PartSoundFontPath(BandPart.Arp));
        Assert.Null(rig.Engine.CaptureSettings().Blobs.SingleOrDefault(b => b.Tag == PartSoundFontBlob.Tag));
    }

    [Fact]
    public void Restoring_a_state_loads_its_files_once_and_forgets_parts_it_does_not_name()
    {
        using EngineRig rig = Rig();
        rig.Engine.Sounds.SetPartSoundFont(BandPart.Drums, _files.Missing, out _);
        StateBlob blob = PartSoundFontBlob.Create([null, _files.Valid, _files.Valid, null, null])!;
        rig.Engine.PublishSettings(new SettingsSnapshot(EngineParameters.All, EngineParameters.All.CreateDefaultPlainValues(), [blob]));
        rig.Render(new float[256], new float[256], 256, [], []);

        Assert.Null(rig.Engine.Sounds.PartSoundFontPath(BandPart.Drums));
        Assert.Same(rig.Engine.Banks.UserBank(BandPart.Bass), rig.Engine.Banks.UserBank(BandPart.Keys));
        Assert.NotNull(rig.Engine.Banks.UserBank(BandPart.Bass));
        Assert.True(rig.Engine.Sounds.Status.IsClear, rig.Engine.Sounds.Status.Text);
    }

    [Fact]
    public void A_user_file_list_from_a_newer_format_is_kept_unchanged()
    {
        using EngineRig rig = Rig();
        var future = new StateBlob(PartSoundFontBlob.Tag, new byte[] { 9, 0, 1, 0, 7, 7, 7 });
        rig.Engine.PublishSettings(new SettingsSnapshot(EngineParameters.All, EngineParameters.All.CreateDefaultPlainValues(), [future]));
        StateBlob kept = rig.Engine.CaptureSettings().Blobs.Single(b => b.Tag == PartSoundFontBlob.Tag);
        Assert.Equal(future.Data.ToArray(), kept.Data.ToArray());
        Assert.Contains("newer", TestLog.Read());
    }

    [Theory]
    [InlineData("/home/ana/Sounds/Bässe & Co/Fender 🎸.sf2")]
    [InlineData(@"C:\Users\Ana\SoundFonts\piano.sf2")]
    public void The_blob_round_trips_any_path_as_utf8(string path)
    {
        StateBlob blob = PartSoundFontBlob.Create([path, null, null, null, "/x.sf2"])!;
        Assert.True(PartSoundFontBlob.TryRead(blob.Data.Span, out string?[] paths, out string? problem), problem);
        Assert.Equal(new string?[] { path, null, null, null, "/x.sf2" }, paths);
        Assert.Null(PartSoundFontBlob.Create([null, null, null, null, null]));
    }

    [Theory]
    [InlineData(new byte[] { 1, 0 })]                          // cut off
    [InlineData(new byte[] { 1, 0, 1, 0, 0, 5, 0, 65 })]        // entry longer than the data
    [InlineData(new byte[] { 1, 0, 1, 0, 0, 1, 0, 0xFF })]      // not UTF-8
    [InlineData(new byte[] { 1, 0, 0, 0, 99 })]                 // trailing bytes
    [InlineData(new byte[] { 1, 0, 1, 0, 0, 0, 0 })]            // empty path
    public void A_damaged_blob_is_refused_with_a_reason(byte[] data)
    {
        Assert.False(PartSoundFontBlob.TryRead(data, out _, out string? problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }
}
