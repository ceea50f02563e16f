using Sideman.Engine;
using Sideman.Plugin.Interop;
using Sideman.Plugin.State;
using Sideman.Plugin.Tests.Support;

namespace Sideman.Plugin.Tests.Interop;

/// <summary>A processor's life through the exported functions, with blocks in native memory.</summary>
public unsafe class ProcessorExportsTests
{
    private static readonly SmParamPoint BasicSynthMonitor = new()
    {
        Id = EngineParameters.MonitorSound.Id,
        SampleOffset = 0,
        Normalized = EngineParameters.MonitorSound.ToNormalized(Sideman.Engine.Band.BandPresets.MonitorBasicSynthIndex),
    };

    // The player's notes alone: a live band's first bar sounds only if its generator wrote it in time.
    private static readonly SmParamPoint BandOff = new() { Id = EngineParameters.BandOn.Id, SampleOffset = 0, Normalized = 0 };

    private static nint CreateActive(SmApi api, double rate = 48000, int maxBlock = 512)
    {
        nint handle;
        Assert.Equal(BridgeAbi.Ok, api.ProcessorCreate(&handle));
        Assert.NotEqual(0, handle);
        var setup = new SmSetup { SampleRate = rate, MaxBlockSize = maxBlock, SampleSize = BridgeAbi.Sample32 };
        Assert.Equal(BridgeAbi.Ok, api.ProcessorSetup(handle, &setup));
        Assert.Equal(BridgeAbi.Ok, api.ProcessorSetActive(handle, 1));
        Assert.Equal(BridgeAbi.Ok, api.ProcessorSetProcessing(handle, 1));
        return handle;
    }

    [Theory]
    [InlineData(BridgeAbi.Sample32)]
    [InlineData(BridgeAbi.Sample64)]
    public void Notes_at_block_edges_sound_from_their_sample_through_the_abi(int sampleSize)
    {
        // The built-in synth is heard from a note's very first sample (sampled voices fade in
        // from their first sample, so they sound from the next: see the engine's band tests).
        SmApi api = ExportedApi.Table;
        nint handle = CreateActive(api);
        using var host = new NativeHostBlock(512);
        host.Events[0] = NativeHostBlock.Note(BridgeAbi.EventNoteOn, 0, 48, 1f);
        host.Events[1] = NativeHostBlock.Note(BridgeAbi.EventNoteOn, 511, 72, 1f);
        host.Points[0] = BasicSynthMonitor;
        host.Points[1] = BandOff;
        Assert.Equal(BridgeAbi.Ok, api.ProcessorProcess(handle, host.Prepare(512, sampleSize, 2, 2)));
        Assert.NotEqual(0.0, host.Sample(0, 0, 0, sampleSize));
        Assert.Equal(2, host.Block->OutEventCount);
        Assert.Equal(511, host.OutEvents[1].SampleOffset);
        Assert.Equal(0UL, host.BusArray[0].SilenceFlags);
        Assert.Equal(3UL, host.BusArray[3].SilenceFlags);

        // The note at the last sample starts exactly there: compare with a render without it.
        nint other = CreateActive(api);
        using var reference = new NativeHostBlock(512);
        reference.Events[0] = NativeHostBlock.Note(BridgeAbi.EventNoteOn, 0, 48, 1f);
        reference.Points[0] = BasicSynthMonitor;
        reference.Points[1] = BandOff;
        api.ProcessorProcess(other, reference.Prepare(512, sampleSize, 1, 2));
        for (int i = 0; i < 511; i++)
            Assert.Equal(reference.Sample(0, 0, i, sampleSize), host.Sample(0, 0, i, sampleSize));
        Assert.NotEqual(reference.Sample(0, 0, 511, sampleSize), host.Sample(0, 0, 511, sampleSize));
        api.ProcessorDestroy(handle);
        api.ProcessorDestroy(other);
    }

    [Fact]
    public void Sixty_four_bit_output_through_the_abi_equals_thirty_two_bit_output()
    {
        SmApi api = ExportedApi.Table;
        nint a = CreateActive(api), b = CreateActive(api);
        using var host32 = new NativeHostBlock(333);
        using var host64 = new NativeHostBlock(333);
        for (int block = 0; block < 40; block++)
        {
            int events = 0;
            if (block % 3 == 0)
            {
                host32.Events[0] = host64.Events[0] = NativeHostBlock.Note(BridgeAbi.EventNoteOn, block * 7 % 333, 40 + block, 0.8f);
                events = 1;
            }
            host32.Points[0] = host64.Points[0] = new SmParamPoint { Id = EngineParameters.MasterVolume.Id, SampleOffset = 100, Normalized = 0.5 + block / 100.0 };
            // Offline, as a bounce: the band waits for its bars, so both instances play the same ones (live,
            // each plays a bar only if its own generator wrote it in time, which differs under load).
            SmProcessBlock* block32 = host32.Prepare(333, BridgeAbi.Sample32, events, 1);
            SmProcessBlock* block64 = host64.Prepare(333, BridgeAbi.Sample64, events, 1);
            block32->ProcessMode = block64->ProcessMode = BridgeAbi.ModeOffline;
            Assert.Equal(BridgeAbi.Ok, api.ProcessorProcess(a, block32));
            Assert.Equal(BridgeAbi.Ok, api.ProcessorProcess(b, block64));
            for (int i = 0; i < 333; i++)
            {
                Assert.Equal(host32.Sample(0, 0, i, BridgeAbi.Sample32), host64.Sample(0, 0, i, BridgeAbi.Sample64));
                Assert.Equal(host32.Sample(0, 1, i, BridgeAbi.Sample32), host64.Sample(0, 1, i, BridgeAbi.Sample64));
            }
        }
        api.ProcessorDestroy(a);
        api.ProcessorDestroy(b);
    }

    [Fact]
    public void Malformed_blocks_are_refused_without_touching_anything()
    {
        SmApi api = ExportedApi.Table;
        nint handle = CreateActive(api);
        using var host = new NativeHostBlock(64);
        SmProcessBlock* block = host.Prepare(64, BridgeAbi.Sample32, 0, 0);
        block->NumSamples = -1;
        Assert.Equal(BridgeAbi.InvalidArgument, api.ProcessorProcess(handle, block));
        block = host.Prepare(64, BridgeAbi.Sample32, 0, 0);
        block->Outputs = null;
        Assert.Equal(BridgeAbi.InvalidArgument, api.ProcessorProcess(handle, block));
        block = host.Prepare(64, 7, 0, 0);
        Assert.Equal(BridgeAbi.InvalidArgument, api.ProcessorProcess(handle, block));
        Assert.Equal(BridgeAbi.InvalidArgument, api.ProcessorProcess(handle, null));
        Assert.Equal(BridgeAbi.InvalidArgument, api.ProcessorProcess(0, host.Prepare(64, BridgeAbi.Sample32, 0, 0)));
        // And the processor still works afterwards.
        Assert.Equal(BridgeAbi.Ok, api.ProcessorProcess(handle, host.Prepare(64, BridgeAbi.Sample32, 0, 0)));
        api.ProcessorDestroy(handle);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-48000)]
    [InlineData(double.NaN)]
    [InlineData(1e9)]
    public void Absurd_setups_are_refused_and_logged(double rate)
    {
        SmApi api = ExportedApi.Table;
        nint handle;
        api.ProcessorCreate(&handle);
        var setup = new SmSetup { SampleRate = rate, MaxBlockSize = 512 };
        Assert.Equal(BridgeAbi.InvalidArgument, api.ProcessorSetup(handle, &setup));
        Assert.Contains("Refused processing setup", TestLog.Read());
        api.ProcessorDestroy(handle);
    }

    [Fact]
    public void Zero_sample_call_flushes_parameters()
    {
        SmApi api = ExportedApi.Table;
        nint handle = CreateActive(api);
        using var host = new NativeHostBlock(64);
        host.Points[0] = new SmParamPoint { Id = EngineParameters.SynthAttack.Id, SampleOffset = 0, Normalized = 1 };
        Assert.Equal(BridgeAbi.Ok, api.ProcessorProcess(handle, host.Prepare(0, BridgeAbi.Sample32, 0, 1)));
        Assert.Equal(0, host.Block->OutEventCount);
        double* normalized = stackalloc double[EngineParameters.All.Count];
        byte[] state = SaveState(api, handle);
        fixed (byte* data = state)
            Assert.Equal(BridgeAbi.Ok, api.StateToNormalized(data, state.Length, normalized, EngineParameters.All.Count, null, 0));
        Assert.Equal(1.0, normalized[EngineParameters.SynthAttack.Index], 12);
        api.ProcessorDestroy(handle);
    }

    [Fact]
    public void State_saves_in_two_calls_and_loads_back()
    {
        SmApi api = ExportedApi.Table;
        nint first = CreateActive(api);
        using var host = new NativeHostBlock(64);
        host.Points[0] = new SmParamPoint { Id = EngineParameters.MasterVolume.Id, SampleOffset = 5, Normalized = 0.3 };
        api.ProcessorProcess(first, host.Prepare(64, BridgeAbi.Sample32, 0, 1));

        long needed = api.ProcessorSaveState(first, null, 0);
        Assert.True(needed > 16);
        var small = new byte[needed - 1];
        fixed (byte* buffer = small)
            Assert.Equal(needed, api.ProcessorSaveState(first, buffer, small.Length)); // too small: size only, no write
        Assert.All(small, b => Assert.Equal(0, b));
        byte[] state = SaveState(api, first);

        nint second = CreateActive(api);
        ushort* error = stackalloc ushort[256];
        fixed (byte* data = state)
            Assert.Equal(BridgeAbi.Ok, api.ProcessorLoadState(second, data, state.Length, error, 256));
        Assert.Equal("", ExportedApi.Text(error));
        Assert.Equal(state, SaveState(api, second));

        double* normalized = stackalloc double[EngineParameters.All.Count];
        fixed (byte* data = state)
            Assert.Equal(BridgeAbi.Ok, api.StateToNormalized(data, state.Length, normalized, EngineParameters.All.Count, error, 256));
        Assert.Equal(0.3, normalized[EngineParameters.MasterVolume.Index], 12);
        Assert.Equal(EngineParameters.SynthRelease.DefaultNormalized, normalized[EngineParameters.SynthRelease.Index], 12);
        Assert.Equal(0.5, normalized[EngineParameters.PitchBend.Index]); // not in state: default
        api.ProcessorDestroy(first);
        api.ProcessorDestroy(second);
    }

    [Fact]
    public void Bad_state_is_refused_with_the_reason_in_the_error_buffer()
    {
        SmApi api = ExportedApi.Table;
        nint handle = CreateActive(api);
        byte[] before = SaveState(api, handle);
        byte[] future = new StateBuilder { Version = 3 }.Value("master.volume", -20).Build();
        ushort* error = stackalloc ushort[512];
        fixed (byte* data = future)
            Assert.Equal(BridgeAbi.Error, api.ProcessorLoadState(handle, data, future.Length, error, 512));
        Assert.Contains("newer Sideman", ExportedApi.Text(error));
        Assert.Equal(before, SaveState(api, handle));

        byte[] garbage = [1, 2, 3, 4, 5];
        double* normalized = stackalloc double[EngineParameters.All.Count];
        normalized[0] = 42;
        fixed (byte* data = garbage)
            Assert.Equal(BridgeAbi.Error, api.StateToNormalized(data, garbage.Length, normalized, EngineParameters.All.Count, error, 512));
        Assert.Contains("not Sideman state", ExportedApi.Text(error));
        Assert.Equal(42, normalized[0]);

        Assert.Equal(BridgeAbi.InvalidArgument, api.ProcessorLoadState(handle, null, 10, error, 512));
        Assert.Contains("null", ExportedApi.Text(error));
        api.ProcessorDestroy(handle);
    }

    [Fact]
    public void First_process_after_activation_compiles_nothing()
    {
        // setActive warms the whole path up (the player's notes and every part's, automation, both
        // sample sizes) through the exported function, so the host's first real block runs
        // already-compiled code.
        Sideman.Tests.Shared.BundledSounds.EnsureBuilt();
        SmApi api = ExportedApi.Table;
        nint handle;
        api.ProcessorCreate(&handle);
        var setup = new SmSetup { SampleRate = 44100, MaxBlockSize = 256, SampleSize = BridgeAbi.Sample64 };
        api.ProcessorSetup(handle, &setup);
        Assert.Equal(BridgeAbi.Ok, api.ProcessorSetActive(handle, 1));
        Assert.True(NativeProcessor.FromHandle(handle)!.Processor.SoundStatus.IsClear, "the bundled sounds did not load");
        using var host = new NativeHostBlock(256);
        for (int b = 1; b < NativeHostBlock.Buses; b++)
            host.BusArray[b].Active = 1;
        host.Events[0] = NativeHostBlock.Note(BridgeAbi.EventNoteOn, 17, 61, 0.9f);
        short[] partChannels = [9, 1, 2, 3, 4];
        for (int i = 0; i < partChannels.Length; i++)
        {
            host.Events[1 + i] = NativeHostBlock.Note(BridgeAbi.EventNoteOn, 20 + i, 40 + 5 * i, 0.8f);
            host.Events[1 + i].Channel = partChannels[i];
        }
        host.Points[0] = new SmParamPoint { Id = EngineParameters.PitchBend.Id, SampleOffset = 30, Normalized = 0.7 };
        host.Points[1] = new SmParamPoint { Id = EngineParameters.MasterVolume.Id, SampleOffset = 40, Normalized = 0.6 };
        host.Points[2] = new SmParamPoint { Id = EngineParameters.BassVolume.Id, SampleOffset = 50, Normalized = 0.7 };
        host.Points[3] = new SmParamPoint { Id = EngineParameters.KeysPan.Id, SampleOffset = 60, Normalized = 0.2 };
        SmProcessBlock* block = host.Prepare(256, BridgeAbi.Sample64, 1 + partChannels.Length, 4);

        long compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
        int status = api.ProcessorProcess(handle, block);
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - compiledBefore;

        Assert.Equal(BridgeAbi.Ok, status);
        Assert.Equal(0, compiled);
        Assert.NotEqual(0.0, host.Sample(0, 0, 100, BridgeAbi.Sample64));
        Assert.NotEqual(0.0, host.Sample(2, 0, 100, BridgeAbi.Sample64)); // the bass stem
        api.ProcessorDestroy(handle);
    }

    [Fact]
    public void Warm_up_leaves_the_processor_silent_and_its_settings_untouched()
    {
        SmApi api = ExportedApi.Table;
        nint handle;
        api.ProcessorCreate(&handle);
        var setup = new SmSetup { SampleRate = 48000, MaxBlockSize = 128 };
        api.ProcessorSetup(handle, &setup);
        byte[] state = new StateBuilder().Value("master.volume", -11).Value("synth.attack", 20).Value("synth.release", 900).Build();
        ushort* error = stackalloc ushort[256];
        fixed (byte* data = state)
            api.ProcessorLoadState(handle, data, state.Length, error, 256);
        byte[] loaded = SaveState(api, handle);
        Assert.Equal(BridgeAbi.Ok, api.ProcessorSetActive(handle, 1));
        Assert.Equal(loaded, SaveState(api, handle));
        var reread = new StateReader(EngineParameters.All).Read(loaded);
        Assert.Equal(-11, reread.Settings![EngineParameters.MasterVolume]);
        Assert.Equal(900, reread.Settings[EngineParameters.SynthRelease]);

        using var host = new NativeHostBlock(128);
        api.ProcessorProcess(handle, host.Prepare(128, BridgeAbi.Sample32, 0, 0));
        Assert.Equal(3UL, host.BusArray[0].SilenceFlags);
        for (int i = 0; i < 128; i++)
            Assert.Equal(0.0, host.Sample(0, 0, i, BridgeAbi.Sample32));
        Assert.Equal(0, host.Block->OutEventCount);
        api.ProcessorDestroy(handle);
    }

    internal static byte[] SaveState(SmApi api, nint handle)
    {
        long needed = api.ProcessorSaveState(handle, null, 0);
        var state = new byte[needed];
        fixed (byte* buffer = state)
            Assert.Equal(needed, api.ProcessorSaveState(handle, buffer, state.Length));
        return state;
    }
}
