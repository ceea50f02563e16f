using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sideman.Engine;
using Sideman.Engine.Parameters;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;
using Sideman.Plugin.Editor;
using Sideman.Plugin.Interop;
using Sideman.Plugin.Tests.Support;
using Sideman.Tests.Shared;

namespace Sideman.Plugin.Tests.Interop;

/// <summary>
/// The editor's ABI (4) as the bridge calls it: a controller stand-in answers the host callbacks (parameter values,
/// gestures, the chart message) and the processor's frame goes to the editor, which draws into a native buffer.
/// </summary>
public sealed unsafe class EditorExportsTests
{
    private const int Width = 900, Height = 600;

    /// <summary>What the editor asked of its "controller" (one test at a time uses it: the class's tests run in order).</summary>
    private static class Controller
    {
        public static readonly double[] Values = new double[EngineParameters.All.Count];
        public static readonly List<(string Call, uint Id, double Value)> Calls = [];
        public static string? Chart;

        public static void Reset()
        {
            for (int i = 0; i < Values.Length; i++)
                Values[i] = EngineParameters.All[i].DefaultNormalized;
            Calls.Clear();
            Chart = null;
        }

        public static int IndexOf(uint id) => EngineParameters.All.TryGetIndex(id, out int index) ? index : -1;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int BeginEdit(nint context, uint id)
    {
        Controller.Calls.Add(("begin", id, 0));
        return BridgeAbi.Ok;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int PerformEdit(nint context, uint id, double value)
    {
        Controller.Calls.Add(("perform", id, value));
        Controller.Values[Controller.IndexOf(id)] = value; // as the bridge's controller does
        return BridgeAbi.Ok;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int EndEdit(nint context, uint id)
    {
        Controller.Calls.Add(("end", id, 0));
        return BridgeAbi.Ok;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static double GetParam(nint context, uint id) => Controller.IndexOf(id) is int i and >= 0 ? Controller.Values[i] : 0;

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int SetChart(nint context, ushort* text, ushort* problem, int capacity)
    {
        Controller.Chart = new string((char*)text);
        return BridgeAbi.Ok;
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int SetPartSoundFont(nint context, int part, ushort* path) => BridgeAbi.Ok;

    private static SmEditorHost Host() => new()
    {
        BeginEdit = &BeginEdit,
        PerformEdit = &PerformEdit,
        EndEdit = &EndEdit,
        GetParam = &GetParam,
        SetChart = &SetChart,
        SetPartSoundFont = &SetPartSoundFont,
    };

    private sealed class Window : IDisposable
    {
        public readonly SmApi Api = ExportedApi.Table;
        public readonly nint Editor;
        public readonly SmEditorInfo Info;
        public readonly uint* Pixels = (uint*)NativeMemory.AllocZeroed((nuint)(Width * Height * 4 * 4));

        public Window()
        {
            Controller.Reset();
            SmEditorHost host = Host();
            SmEditorInfo info;
            nint editor;
            Assert.Equal(BridgeAbi.Ok, Api.EditorCreate(&host, &info, &editor));
            Assert.NotEqual(0, editor);
            Editor = editor;
            Info = info;
        }

        public int Render(int width = Width, int height = Height, float scale = 1, int force = 0) =>
            Api.EditorRender(Editor, (byte*)Pixels, width, height, width * 4, scale, EditorAbi.Bgra, force);

        /// <summary>The control's centre in pixels, from the editor's own layout description.</summary>
        public (float X, float Y) Centre(string kind, int index)
        {
            int needed = Api.EditorDescribeLayout(Editor, null, 0);
            Assert.True(needed > 1);
            byte* text = stackalloc byte[needed];
            Assert.Equal(needed, Api.EditorDescribeLayout(Editor, text, needed));
            foreach (string line in new string((sbyte*)text).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] f = line.Split(' ');
                if (f[0] == kind && int.Parse(f[1]) == index)
                    return (int.Parse(f[2]) + int.Parse(f[4]) / 2f, int.Parse(f[3]) + int.Parse(f[5]) / 2f);
            }
            throw new Xunit.Sdk.XunitException($"no control {kind} {index} in the layout");
        }

        public void Click(string kind, int index)
        {
            (float x, float y) = Centre(kind, index);
            Api.EditorPointer(Editor, EditorAbi.PointerDown, x, y, 0);
            Api.EditorPointer(Editor, EditorAbi.PointerUp, x, y, 0);
        }

        public void Dispose()
        {
            Api.EditorDestroy(Editor);
            NativeMemory.Free(Pixels);
        }
    }

    [Fact]
    public void The_editor_tells_its_sizes_and_draws_only_when_something_changed()
    {
        using var w = new Window();
        Assert.Equal((900, 600, 820, 540), (w.Info.DefaultWidth, w.Info.DefaultHeight, w.Info.MinWidth, w.Info.MinHeight));
        Assert.Equal(BridgeAbi.Ok, w.Render());
        Assert.NotEqual(0u, w.Pixels[Width * 10 + 10]); // something opaque was drawn
        Assert.Equal(BridgeAbi.False, w.Render()); // nothing changed: nothing drawn

        Controller.Values[EngineParameters.Energy.Index] = 1.0; // the host moved a parameter
        Assert.Equal(BridgeAbi.Ok, w.Render());
        Assert.Equal(BridgeAbi.False, w.Render());

        SmEditorFrame frame = default;
        frame.BeatsPerBar = 4;
        frame.Playing = 1;
        frame.PlayheadBeat = 1.5;
        frame.ChordNow = new SmChord { Root = 2, Quality = (short)ChordQuality.Minor7 };
        Assert.Equal(BridgeAbi.Ok, w.Api.EditorSetFrame(w.Editor, &frame, null));
        Assert.Equal(BridgeAbi.Ok, w.Render()); // a new frame
        Assert.Equal(BridgeAbi.Ok, w.Api.EditorSetFrame(w.Editor, &frame, null));
        Assert.Equal(BridgeAbi.False, w.Render()); // the same frame again
        Assert.Equal(BridgeAbi.Ok, w.Render(force: 1)); // the window was exposed
        Assert.Equal(BridgeAbi.Ok, w.Render(1800, 1200, 2)); // a new size and scale
    }

    [Fact]
    public void Clicks_at_drawn_controls_become_host_gestures_on_the_right_parameter()
    {
        using var w = new Window();
        w.Render();
        w.Click("PartMute", 0);
        uint mute = EngineParameters.PartMutes[0].Id;
        Assert.Equal([("begin", mute, 0.0), ("perform", mute, 1.0), ("end", mute, 0.0)], Controller.Calls);

        Controller.Calls.Clear();
        w.Click("StyleNext", 0);
        ParameterDefinition style = EngineParameters.Style;
        Assert.Equal(3, Controller.Calls.Count);
        Assert.Equal(("perform", style.Id), (Controller.Calls[1].Call, Controller.Calls[1].Id));
        Assert.Equal(style.DefaultPlain + 1, style.ToPlain(Controller.Calls[1].Value));

        // A click where no control is changes nothing and sends nothing.
        Controller.Calls.Clear();
        Assert.Equal(BridgeAbi.False, w.Api.EditorPointer(w.Editor, EditorAbi.PointerDown, 2, Height - 2, 0));
        Assert.Empty(Controller.Calls);
    }

    [Fact]
    public void Keys_go_to_the_editor_only_while_a_text_field_has_the_focus()
    {
        using var w = new Window();
        w.Render();
        Assert.Equal(BridgeAbi.False, w.Api.EditorKey(w.Editor, 0, 'x')); // the host's transport keys stay the host's
        Assert.Equal(0, w.Api.EditorState(w.Editor));
        w.Click("Chart", 0);
        Assert.Equal(EditorAbi.WantsKeys, w.Api.EditorState(w.Editor));
        foreach (char c in "C | G7")
            Assert.Equal(BridgeAbi.Ok, w.Api.EditorKey(w.Editor, 0, c));
        Assert.Equal(BridgeAbi.Ok, w.Api.EditorKey(w.Editor, 7, 0)); // Enter sends the chart
        Assert.Equal("C | G7", Controller.Chart);
        Assert.Equal(0, w.Api.EditorState(w.Editor));
    }

    [Fact]
    public void A_steady_frame_allocates_nothing()
    {
        using var w = new Window();
        SmEditorFrame frame = default;
        frame.BeatsPerBar = 4;
        frame.Playing = 1;
        frame.ChordNow = new SmChord { Root = 7, Quality = (short)ChordQuality.Dominant7 };
        frame.NoteCounts[1] = 4;
        for (int i = 0; i < 4; i++)
            frame.Notes[1][i] = new SmRollNote { Bar = 3 + i / 2, StartBeat = i, LengthBeats = 1, Pitch = (byte)(40 + i), Velocity = 90 };
        Utf16Text.Write("The keys' bar 5 was late; it played bar 4 again.\nSounds loading", frame.Status);
        for (int i = 0; i < 40; i++) // warm: every text the frames show is made once
        {
            frame.PlayheadBar = 3;
            frame.PlayheadBeat = 1 + i / 41.0;
            w.Api.EditorSetFrame(w.Editor, &frame, null);
            w.Render();
        }
        long before = ThreadAllocation.Start();
        for (int i = 0; i < 100; i++)
        {
            frame.PlayheadBeat = 1 + i / 101.0; // the playhead moves within one beat (a new beat number is one new text)
            w.Api.EditorSetFrame(w.Editor, &frame, null);
            w.Render();
        }
        Assert.Equal(0, ThreadAllocation.Since(before));
    }

    [Fact]
    public void The_processor_answers_the_frame_with_the_chart_only_when_it_changed()
    {
        SmApi api = ExportedApi.Table;
        nint processor;
        Assert.Equal(BridgeAbi.Ok, api.ProcessorCreate(&processor));
        try
        {
            const int capacity = 4096;
            ushort* chart = stackalloc ushort[capacity];
            SmEditorFrame frame;
            int written;
            Assert.Equal(BridgeAbi.Ok, api.ProcessorEditorFrame(processor, &frame, -1, chart, capacity, &written));
            Assert.Equal(1, written);
            Assert.Equal("", ExportedApi.Text(chart));
            long revision = frame.ChartRevision;
            Assert.Equal(BridgeAbi.Ok, api.ProcessorEditorFrame(processor, &frame, revision, chart, capacity, &written));
            Assert.Equal(0, written);

            fixed (char* text = "Dm7 | G7 | Cmaj7")
            {
                ushort* problem = stackalloc ushort[256];
                Assert.Equal(BridgeAbi.Ok, api.ProcessorSetChart(processor, (ushort*)text, problem, 256));
            }
            Assert.Equal(BridgeAbi.Ok, api.ProcessorEditorFrame(processor, &frame, revision, chart, capacity, &written));
            Assert.Equal(1, written);
            Assert.Equal("Dm7 | G7 | Cmaj7", ExportedApi.Text(chart));
            Assert.NotEqual(revision, frame.ChartRevision);
            // Stopped at bar 0: the chart's chords after the first, as the editor shows them in chart mode.
            var next = new List<string>();
            for (int i = 0; i < frame.NextChordCount && next.Count < 2; i++)
                next.Add(ChordNames.Of(frame.NextChords[i].Root, frame.NextChords[i].Quality, frame.NextChords[i].BassInterval));
            Assert.Equal(["G7", "Cmaj7"], next);
            Assert.Equal(0, frame.Playing);
        }
        finally
        {
            api.ProcessorDestroy(processor);
        }
    }

    [Fact]
    public void Every_chord_name_reads_back_as_the_same_chord()
    {
        for (int quality = 0; quality < ChordNames.QualityCount; quality++)
        {
            for (int root = 0; root < 12; root++)
            {
                foreach (int bass in new[] { 0, 4, 10 })
                {
                    string name = ChordNames.Of(root, quality, bass);
                    Assert.True(ChordSymbolParser.TryParse(name, out ChordSymbol chord, out string? error), $"{name}: {error}");
                    Assert.Equal(new ChordSymbol(root, (ChordQuality)quality, bass), chord);
                    Assert.Same(name, ChordNames.Of(root, quality, bass)); // made once
                }
            }
        }
        Assert.Equal("", ChordNames.Of(-1, 0, 0));
        Assert.Equal("Cmaj7", ChordNames.Of(0, (int)ChordQuality.Major7, 0));
        Assert.Equal("F/G", ChordNames.Of(5, (int)ChordQuality.Major, 2));
    }
}
