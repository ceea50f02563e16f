using Sideman.Engine;
using Sideman.Engine.Processing;
using Sideman.Plugin.State;
using Sideman.Plugin.Tests.Support;

namespace Sideman.Plugin.Tests.State;

public class ProcessorStateTests
{
    [Fact]
    public void Save_load_save_is_byte_identical_across_instances()
    {
        var first = new SidemanProcessor();
        Assert.True(first.LoadState(new StateBuilder().Value("master.volume", -9.5).Value("synth.release", 1234).Build()).Success);
        byte[] saved = first.SaveState();

        var second = new SidemanProcessor();
        Assert.True(second.LoadState(saved).Success);
        Assert.Equal(saved, second.SaveState());
        // And once the audio thread has picked it up, still the same.
        ProcessOnce(second);
        Assert.Equal(saved, second.SaveState());
        Assert.Equal(-9.5, second.Engine.GetPlainValue(EngineParameters.MasterVolume));
    }

    [Fact]
    public void Rejected_state_changes_nothing_and_the_reason_is_logged()
    {
        var processor = new SidemanProcessor();
        processor.LoadState(new StateBuilder().Value("master.volume", -4).Value("synth.attack", 300).Build());
        ProcessOnce(processor);
        byte[] before = processor.SaveState();

        byte[] future = new StateBuilder { Version = 9 }.Value("master.volume", 6).Build();
        byte[] damaged = (byte[])before.Clone();
        damaged[14] ^= 0xFF;
        foreach (byte[] bad in new[] { future, damaged, before[..10], new byte[] { 1, 2, 3 } })
        {
            StateReadResult result = processor.LoadState(bad);
            Assert.False(result.Success);
            ProcessOnce(processor);
            Assert.Equal(before, processor.SaveState());
            Assert.Equal(-4, processor.Engine.GetPlainValue(EngineParameters.MasterVolume));
            Assert.Contains(result.Error!, TestLog.Read());
        }
    }

    [Fact]
    public void Automation_on_the_audio_thread_is_what_gets_saved()
    {
        var processor = new SidemanProcessor();
        ProcessOnce(processor, [new ParameterPoint(EngineParameters.SynthAttack.Id, 3, EngineParameters.SynthAttack.ToNormalized(777))]);
        StateReadResult reread = new StateReader(EngineParameters.All).Read(processor.SaveState());
        Assert.Equal(777, reread.Settings![EngineParameters.SynthAttack], 6);
    }

    private static unsafe void ProcessOnce(SidemanProcessor processor, ParameterPoint[]? points = null)
    {
        var left = new float[64];
        var right = new float[64];
        fixed (float* l = left, r = right)
        {
            void** channels = stackalloc void*[2];
            channels[0] = l;
            channels[1] = r;
            var buses = new[] { new OutputBus(channels, 2, true) };
            var block = new ProcessBlock { SampleCount = 64, Outputs = buses, ParameterPoints = points ?? [] };
            processor.Process(ref block);
        }
    }
}
