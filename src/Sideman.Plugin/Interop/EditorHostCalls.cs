using Sideman.Engine.Parameters;

namespace Sideman.Plugin.Interop;

/// <summary>The bridge's callbacks for one editor (<see cref="SmEditorHost"/>), called on the UI thread only. [main]</summary>
internal sealed unsafe class EditorHostCalls(SmEditorHost host)
{
    private readonly SmEditorHost _host = host;

    /// <summary>The controller's normalized value of a parameter, in its plain units.</summary>
    public double Plain(ParameterDefinition parameter)
    {
        double normalized = _host.GetParam is null ? parameter.DefaultNormalized : _host.GetParam(_host.Context, parameter.Id);
        return parameter.ToPlain(double.IsFinite(normalized) ? Math.Clamp(normalized, 0, 1) : parameter.DefaultNormalized);
    }

    /// <summary>The controller's normalized value (for telling whether anything changed).</summary>
    public double Normalized(ParameterDefinition parameter) =>
        _host.GetParam is null ? parameter.DefaultNormalized : _host.GetParam(_host.Context, parameter.Id);

    public void BeginEdit(uint id)
    {
        if (_host.BeginEdit is not null)
            _host.BeginEdit(_host.Context, id);
    }

    public void PerformEdit(uint id, double normalized)
    {
        if (_host.PerformEdit is not null)
            _host.PerformEdit(_host.Context, id, normalized);
    }

    public void EndEdit(uint id)
    {
        if (_host.EndEdit is not null)
            _host.EndEdit(_host.Context, id);
    }

    /// <summary>Sends the chart; null when the processor took it, else why not.</summary>
    public string? SetChart(string text)
    {
        if (_host.SetChart is null)
            return "the plug-in's processor is not connected";
        const int capacity = 1024;
        ushort* problem = stackalloc ushort[capacity];
        problem[0] = 0;
        int rc;
        fixed (char* t = text)
            rc = _host.SetChart(_host.Context, (ushort*)t, problem, capacity);
        if (rc == BridgeAbi.Ok)
            return null;
        string reason = Utf16Text.Read(problem, capacity);
        return reason.Length > 0 ? reason : "the plug-in's processor did not answer";
    }

    public bool SetPartSoundFont(int part, string? path)
    {
        if (_host.SetPartSoundFont is null)
            return false;
        fixed (char* p = path ?? "")
            return _host.SetPartSoundFont(_host.Context, part, (ushort*)p) == BridgeAbi.Ok;
    }
}
