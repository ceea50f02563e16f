using Sideman.Editor.Model;
using Sideman.Engine.Parameters;

namespace Sideman.Editor.Input;

/// <summary>
/// Parameter edits as the host wants them: Begin, any number of Performs with normalized values, End, so each
/// gesture is one undo step. A drag opens its gesture at its first change, so a click that changes nothing
/// leaves no empty gesture in the host's undo list.
/// </summary>
internal sealed class ParameterGestures
{
    private readonly IEditSink _sink;
    private ParameterDefinition? _open;

    public ParameterGestures(IEditSink sink) => _sink = sink;

    /// <summary>A drag gesture is open.</summary>
    public bool IsOpen => _open is not null;

    /// <summary>One complete gesture setting a plain value (a click on a switch, a step of the wheel).</summary>
    public void Set(ParameterDefinition parameter, double plain)
    {
        _sink.BeginEdit(parameter.StringId);
        _sink.PerformEdit(parameter.StringId, parameter.ToNormalized(parameter.Sanitize(plain)));
        _sink.EndEdit(parameter.StringId);
    }

    /// <summary>A value during a drag: opens the gesture if needed (ending another one first).</summary>
    public void Drag(ParameterDefinition parameter, double normalized)
    {
        if (!ReferenceEquals(_open, parameter))
        {
            End();
            _sink.BeginEdit(parameter.StringId);
            _open = parameter;
        }
        _sink.PerformEdit(parameter.StringId, Math.Clamp(normalized, 0, 1));
    }

    /// <summary>Ends the open drag gesture, if any.</summary>
    public void End()
    {
        if (_open is null)
            return;
        _sink.EndEdit(_open.StringId);
        _open = null;
    }

    /// <summary>A momentary switch (fill, regenerate): on at press, in its own gesture; <see cref="Release"/> turns it off.</summary>
    public void Press(ParameterDefinition parameter)
    {
        _sink.BeginEdit(parameter.StringId);
        _sink.PerformEdit(parameter.StringId, 1);
    }

    public void Release(ParameterDefinition parameter)
    {
        _sink.PerformEdit(parameter.StringId, 0);
        _sink.EndEdit(parameter.StringId);
    }
}
