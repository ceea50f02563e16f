using System.Text;

namespace Sideman.Engine.Parameters;

/// <summary>
/// The immutable, validated list of parameters. Construction fails loudly on a duplicate string id,
/// a 31-bit id collision (rename one of them: ids are hashed, never assigned), or an id the bridge
/// cannot carry. Lookup by numeric id is allocation-free for the audio thread.
/// </summary>
public sealed class ParameterSet
{
    /// <summary>Longest string id, in bytes, that fits the ABI's 64-byte field with its terminator.</summary>
    public const int MaxStringIdLength = 63;
    /// <summary>Longest title that fits the ABI's 128-unit field with its terminator.</summary>
    public const int MaxTitleLength = 127;

    private readonly ParameterDefinition[] _byIndex;
    private readonly uint[] _sortedIds;
    private readonly int[] _indexOfSortedId;
    private readonly Dictionary<string, ParameterDefinition> _byStringId;

    public ParameterSet(IReadOnlyList<ParameterDefinition> definitions)
    {
        _byIndex = definitions.ToArray();
        _byStringId = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        var byId = new Dictionary<uint, ParameterDefinition>();
        for (int i = 0; i < _byIndex.Length; i++)
        {
            ParameterDefinition d = _byIndex[i];
            if (d.Index != i)
                throw new InvalidOperationException($"Parameter '{d.StringId}' has index {d.Index} but sits at position {i}.");
            Validate(d);
            if (!_byStringId.TryAdd(d.StringId, d))
                throw new InvalidOperationException($"Parameter id '{d.StringId}' is declared twice.");
            if (byId.TryGetValue(d.Id, out ParameterDefinition? other))
                throw new InvalidOperationException(
                    $"Parameter ids '{other.StringId}' and '{d.StringId}' hash to the same ParamID {d.Id}. Rename the new one.");
            byId.Add(d.Id, d);
        }
        _sortedIds = byId.Keys.Order().ToArray();
        _indexOfSortedId = _sortedIds.Select(id => byId[id].Index).ToArray();
    }

    public int Count => _byIndex.Length;

    public ParameterDefinition this[int index] => _byIndex[index];

    public IReadOnlyList<ParameterDefinition> All => _byIndex;

    /// <summary>[any] Finds a parameter's index by its host id without allocating.</summary>
    public bool TryGetIndex(uint id, out int index)
    {
        int at = Array.BinarySearch(_sortedIds, id);
        index = at >= 0 ? _indexOfSortedId[at] : -1;
        return at >= 0;
    }

    /// <summary>[any] The parameter with this host id, or null.</summary>
    public ParameterDefinition? Find(uint id) => TryGetIndex(id, out int index) ? _byIndex[index] : null;

    /// <summary>[any] The parameter with this string id, or null.</summary>
    public ParameterDefinition? Find(string stringId) => _byStringId.GetValueOrDefault(stringId);

    /// <summary>[any] A new array of every parameter's default plain value, by index.</summary>
    public double[] CreateDefaultPlainValues()
    {
        var values = new double[_byIndex.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = _byIndex[i].DefaultPlain;
        return values;
    }

    private static void Validate(ParameterDefinition d)
    {
        if (string.IsNullOrEmpty(d.StringId) || Encoding.UTF8.GetByteCount(d.StringId) > MaxStringIdLength)
            throw new InvalidOperationException($"Parameter id '{d.StringId}' must be 1..{MaxStringIdLength} bytes.");
        foreach (char c in d.StringId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                throw new InvalidOperationException($"Parameter id '{d.StringId}' may hold only ASCII letters, digits, '.', '_' and '-'.");
        }
        if (d.Title.Length > MaxTitleLength || d.ShortTitle.Length > MaxTitleLength || d.Units.Length > MaxTitleLength)
            throw new InvalidOperationException($"Parameter '{d.StringId}' has a title or units longer than {MaxTitleLength} characters.");
        if (d.MidiController is < -1 or > 129)
            throw new InvalidOperationException($"Parameter '{d.StringId}' has MIDI controller {d.MidiController}; use -1, 0..127 or a pseudo controller.");
        if (d.Has(ParameterFlags.List) != d.Scale is ListScale)
            throw new InvalidOperationException($"Parameter '{d.StringId}': the List flag and a ListScale go together.");
    }
}
