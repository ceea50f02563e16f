using Sideman.Editor.Model;
using Sideman.Engine;
using Sideman.Engine.Parameters;
using Sideman.Synth.SoundFont;

namespace Sideman.Plugin.Interop;

/// <summary>
/// Where the editor's changes go: parameter gestures to the host through the controller (VST3 beginEdit /
/// performEdit / endEdit, so each is automatable and undoable in the DAW), the chart and SoundFonts through the
/// processor messages. A refusal (a chart the processor cannot read, a SoundFont that could not be sent) becomes a status line. [main]
/// </summary>
internal sealed class HostEditSink(EditorHostCalls host, FrameSnapshot snapshot) : IEditSink
{
    private static readonly ParameterSet Parameters = EngineParameters.All;

    public void BeginEdit(string parameterId)
    {
        if (Parameters.Find(parameterId) is { } p)
            host.BeginEdit(p.Id);
    }

    public void PerformEdit(string parameterId, double normalized)
    {
        if (Parameters.Find(parameterId) is { } p)
            host.PerformEdit(p.Id, Math.Clamp(normalized, 0, 1));
    }

    public void EndEdit(string parameterId)
    {
        if (Parameters.Find(parameterId) is { } p)
            host.EndEdit(p.Id);
    }

    public void SetChart(string text)
    {
        string? problem = host.SetChart(text);
        snapshot.Note(problem is null ? null : $"The chart was not taken: {problem}");
    }

    public void SetPartSoundFont(BandPart part, string? path)
    {
        if (!host.SetPartSoundFont((int)part, path))
            snapshot.Note($"The {part.ToString().ToLowerInvariant()}' SoundFont could not be sent to the plug-in's processor.");
    }
}
