using System.Globalization;
using Sideman.Editor.Model;
using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Tests.Support;

/// <summary>Records every edit as a line ("begin band.style", "perform band.style 0.0385", "chart C | G") and checks gestures nest.</summary>
public sealed class RecordingSink : IEditSink
{
    private readonly HashSet<string> _open = [];

    public List<string> Log { get; } = [];

    public void BeginEdit(string parameterId)
    {
        Assert.True(_open.Add(parameterId), $"Begin on {parameterId} while its gesture is open.");
        Log.Add($"begin {parameterId}");
    }

    public void PerformEdit(string parameterId, double normalized)
    {
        Assert.Contains(parameterId, _open);
        Assert.InRange(normalized, 0, 1);
        Log.Add($"perform {parameterId} {normalized.ToString("0.####", CultureInfo.InvariantCulture)}");
    }

    public void EndEdit(string parameterId)
    {
        Assert.True(_open.Remove(parameterId), $"End on {parameterId} with no open gesture.");
        Log.Add($"end {parameterId}");
    }

    public void SetChart(string text) => Log.Add($"chart {text}");

    public void SetPartSoundFont(BandPart part, string? path) => Log.Add($"soundfont {part} {path}");


    public bool AllClosed => _open.Count == 0;

    /// <summary>The performed values only, "id value", in order.</summary>
    public List<string> Performed => Log.Where(l => l.StartsWith("perform ", StringComparison.Ordinal)).Select(l => l["perform ".Length..]).ToList();
}
