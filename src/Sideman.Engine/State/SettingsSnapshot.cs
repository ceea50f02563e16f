using Sideman.Engine.Parameters;

namespace Sideman.Engine.State;

/// <summary>
/// An immutable copy of the user's settings: one plain value per parameter (by index) plus the
/// engine blobs. Built on the main thread (state load, preset) and handed to the audio thread with
/// one atomic exchange, so neither side ever sees a half-written set.
/// </summary>
public sealed class SettingsSnapshot
{
    private readonly double[] _plain;

    /// <param name="plainByIndex">One value per parameter of <paramref name="parameters"/>; copied.</param>
    public SettingsSnapshot(ParameterSet parameters, ReadOnlySpan<double> plainByIndex, IReadOnlyList<StateBlob>? blobs = null)
    {
        if (plainByIndex.Length != parameters.Count)
            throw new ArgumentException($"A snapshot needs {parameters.Count} values, got {plainByIndex.Length}.");
        Parameters = parameters;
        _plain = plainByIndex.ToArray();
        for (int i = 0; i < _plain.Length; i++)
        {
            // Clamps, snaps steps, replaces NaN with the default; valid values stay bit-identical.
            _plain[i] = parameters[i].Sanitize(_plain[i]);
        }
        Blobs = blobs is null ? [] : blobs.ToArray();
    }

    public ParameterSet Parameters { get; }

    /// <summary>Plain values by parameter index.</summary>
    public ReadOnlySpan<double> PlainValues => _plain;

    public IReadOnlyList<StateBlob> Blobs { get; }

    public double this[ParameterDefinition parameter] => _plain[parameter.Index];

    /// <summary>Every parameter at its default, no blobs.</summary>
    public static SettingsSnapshot Defaults(ParameterSet parameters) => new(parameters, parameters.CreateDefaultPlainValues());

    /// <summary>Normalized values by index, as the controller side wants them.</summary>
    public double[] ToNormalized()
    {
        var normalized = new double[_plain.Length];
        for (int i = 0; i < normalized.Length; i++)
            normalized[i] = Parameters[i].ToNormalized(_plain[i]);
        return normalized;
    }
}
