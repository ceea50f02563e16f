using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Model;

/// <summary>
/// Where the editor's changes go. The plugin implements it: parameter gestures go to the host
/// (VST3 beginEdit/performEdit/endEdit, so each one is automatable and undoable in the DAW), the rest
/// through the processor messages that exist. Parameters are named by their stable string ids
/// (<see cref="Sideman.Engine.Parameters.ParameterDefinition.StringId"/>). [main] UI thread only.
/// </summary>
public interface IEditSink
{
    /// <summary>A gesture on one parameter starts (a drag, a click). Every Begin is followed by an <see cref="EndEdit"/>.</summary>
    void BeginEdit(string parameterId);

    /// <summary>The parameter's new value, normalized 0..1 as hosts record it; only between Begin and End.</summary>
    void PerformEdit(string parameterId, double normalized);

    void EndEdit(string parameterId);

    /// <summary>The chord chart (message <c>Sideman.SetChart</c>); "" clears it. The plugin shows a refusal as a status message.</summary>
    void SetChart(string text);

    /// <summary>
    /// A user SoundFont on a part (message <c>Sideman.SetPartSoundFont</c>), chosen in the editor's SoundFont browser;
    /// null goes back to the bundled sound. The plugin shows a refusal (a damaged file) as a status message.
    /// </summary>
    void SetPartSoundFont(BandPart part, string? path);
}
