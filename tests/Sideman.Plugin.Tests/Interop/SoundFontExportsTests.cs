using Sideman.Plugin.Interop;
using Sideman.Plugin.Tests.Support;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Plugin.Tests.Interop;

/// <summary>processorSetPartSoundFont and processorGetStatus, called as the bridge calls them.</summary>
public sealed unsafe class SoundFontExportsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sideman-abi-sf2-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static int Set(SmApi api, nint handle, int part, string? path, out string message)
    {
        ushort* text = stackalloc ushort[1024];
        int status;
        if (path is null)
            status = api.ProcessorSetPartSoundFont(handle, part, null, text, 1024);
        else
        {
            fixed (char* p = path)
                status = api.ProcessorSetPartSoundFont(handle, part, (ushort*)p, text, 1024);
        }
        message = ExportedApi.Text(text);
        return status;
    }

    private static int Status(SmApi api, nint handle, out string text)
    {
        ushort* buffer = stackalloc ushort[BridgeAbi.StatusCapacity];
        int status = api.ProcessorGetStatus(handle, buffer, BridgeAbi.StatusCapacity);
        text = ExportedApi.Text(buffer);
        return status;
    }

    [Fact]
    public void Setting_clearing_and_reporting_a_parts_soundfont_through_the_abi()
    {
        BundledSounds.EnsureBuilt();
        string valid = Path.Combine(_folder, "pad.sf2");
        SoundFontWriter.Write(SoundFontSubset.Build(BundledSounds.Bank.File, [new PresetAddress(0, 48)], "test"), valid);
        string broken = Path.Combine(_folder, "broken.sf2");
        File.WriteAllBytes(broken, "RIFF\\x10\\0\\0\\0sfbkLIST"u8.ToArray());

        SmApi api = ExportedApi.Table;
        nint handle;
        api.ProcessorCreate(&handle);
        var setup = new SmSetup { SampleRate = 48000, MaxBlockSize = 256 };
        api.ProcessorSetup(handle, &setup);
        Assert.Equal(BridgeAbi.Ok, api.ProcessorSetActive(handle, 1));
        Assert.Equal(BridgeAbi.Ok, Status(api, handle, out string clear));
        Assert.Equal("", clear);

        Assert.Equal(BridgeAbi.Ok, Set(api, handle, (int)BandPart.Pad, valid, out string message));
        Assert.Equal("", message);
        Assert.Equal(BridgeAbi.False, Set(api, handle, (int)BandPart.Drums, broken, out message));
        Assert.Contains("damaged", message);
        Assert.Equal(BridgeAbi.False, Status(api, handle, out string status));
        Assert.Contains("Drums", status);
        Assert.Contains(broken, status);

        Assert.Equal(BridgeAbi.InvalidArgument, Set(api, handle, 5, valid, out message));
        Assert.Contains("Part 5", message);
        Assert.Equal(BridgeAbi.InvalidArgument, Set(api, 0, 0, valid, out _));

        // Clearing (null or empty) goes back to the bundled sound; the status clears with it.
        Assert.Equal(BridgeAbi.Ok, Set(api, handle, (int)BandPart.Drums, null, out _));
        Assert.Equal(BridgeAbi.Ok, Set(api, handle, (int)BandPart.Pad, "", out _));
        Assert.Equal(BridgeAbi.Ok, Status(api, handle, out clear));
        Assert.Equal("", clear);
        Assert.Equal(BridgeAbi.InvalidArgument, api.ProcessorGetStatus(handle, null, 10));
        api.ProcessorDestroy(handle);
    }
}
