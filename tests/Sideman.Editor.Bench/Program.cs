// Usage: dotnet run -c Release --project tests/Sideman.Editor.Bench [-- --frames N]
// Prints how long the editor takes to open (fonts, the shipped model card, the view, the first frame) and, for
// 900×600 logical at scale 1 and 2, the render time per frame (mean, median, 99th percentile) and the managed
// bytes allocated per frame, with a chart playing (the playhead moves every frame).
using System.Diagnostics;
using Sideman.Editor;
using Sideman.Editor.Drawing;
using Sideman.Editor.Model;
using Sideman.Editor.Provenance;
using Sideman.Editor.Tests.Support;
using Sideman.Synth.SoundFont;

int frames = args.Length == 2 && args[0] == "--frames" && int.TryParse(args[1], out int n) && n > 0 ? n : 600;

FakeSnapshot snapshot = Scenes.ChartPlaying();
var open = Stopwatch.StartNew();
using EditorFonts fonts = EditorFonts.Load();
double fontsMs = open.Elapsed.TotalMilliseconds;
ProvenanceInfo provenance = ProvenanceReader.Read(Path.Combine(RepoPaths.Root, "models"));
double cardMs = open.Elapsed.TotalMilliseconds;
var first = new EditorView(snapshot, new NullSink(), fonts, provenance);
double viewMs = open.Elapsed.TotalMilliseconds;
using (var frame = new Frame(900, 600))
    frame.Render(first, 1);
open.Stop();
first.Dispose();
Console.WriteLine($"open, cold in a fresh process: {open.Elapsed.TotalMilliseconds:0.0} ms = fonts {fontsMs:0.0} + model card and {provenance.AttributionEntries} attribution rows " +
                  $"{cardMs - fontsMs:0.0} + view {viewMs - cardMs:0.0} + first 900x600 frame {open.Elapsed.TotalMilliseconds - viewMs:0.0}");

foreach (float scale in new[] { 1f, 2f })
{
    int width = (int)(900 * scale), height = (int)(600 * scale);
    using var view = new EditorView(snapshot, new NullSink(), fonts, provenance);
    using var frame = new Frame(width, height);
    for (int i = 0; i < 60; i++)
        frame.Render(view, scale);
    var times = new double[frames];
    long bytes = GC.GetAllocatedBytesForCurrentThread();
    for (int i = 0; i < frames; i++)
    {
        snapshot.PlayheadBeat = (i % 400) * 0.01; // moves every frame; crosses beats, so the position text changes now and then
        long start = Stopwatch.GetTimestamp();
        frame.Render(view, scale);
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
    bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
    Array.Sort(times);
    Console.WriteLine($"{width}x{height} (900x600 at scale {scale}): {times.Average():0.00} ms mean, {times[frames / 2]:0.00} median, " +
                      $"{times[(int)(frames * 0.99)]:0.00} p99 per frame over {frames} frames; {bytes / (double)frames:0.0} bytes allocated per frame " +
                      $"({bytes} in all: the beat text is rebuilt {frames / 100} times)");
}

/// <summary>Edits go nowhere: the bench only draws.</summary>
internal sealed class NullSink : IEditSink
{
    public void BeginEdit(string parameterId) { }
    public void PerformEdit(string parameterId, double normalized) { }
    public void EndEdit(string parameterId) { }
    public void SetChart(string text) { }
    public void SetPartSoundFont(BandPart part, string? path) { }
}
