namespace Sideman.Model.Tokens;

/// <summary>
/// The grammar of models/vocab.json compiled into tables, applied as a sampling mask: any
/// sequence built only from allowed tokens decodes into a well-formed <c>PartPhrase</c>.
/// Immutable and thread-safe; the per-sequence state lives in a <see cref="GrammarCursor"/>.
/// Mask, step and reset allocate nothing.
/// </summary>
public sealed class GrammarMask
{
    private readonly Vocabulary _vocab;
    private readonly int _size;
    private readonly int[] _next; // [state * size + token] -> state, -1 = forbidden
    private readonly string[] _stateNames;
    private readonly int[] _initial;
    private readonly (int Register, int Value)[][] _resets; // per token
    private readonly (int Register, int Value)[][] _updates; // per token
    private readonly (bool Greater, int Register, int Value)[][] _checks; // per token

    public GrammarMask(Vocabulary vocab)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        _vocab = vocab;
        var spec = vocab.Grammar;
        _size = vocab.Size;
        _stateNames = spec.States.ToArray();
        var stateIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _stateNames.Length; i++)
            stateIndex[_stateNames[i]] = i;
        StartState = stateIndex[spec.Start];
        EndState = stateIndex[spec.End];

        _next = new int[_stateNames.Length * _size];
        Array.Fill(_next, -1);
        for (int s = 0; s < _stateNames.Length; s++)
        {
            var table = spec.Transitions[_stateNames[s]];
            for (int t = 0; t < _size; t++)
            {
                var tok = vocab[t];
                if (table.TryGetValue(tok.Name, out var target) || table.TryGetValue(TokenKinds.JsonName(tok.Kind), out target))
                    _next[s * _size + t] = stateIndex[target];
            }
        }

        var regIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        _initial = new int[spec.Registers.Count];
        for (int r = 0; r < spec.Registers.Count; r++)
        {
            regIndex[spec.Registers[r].Name] = r;
            _initial[r] = spec.Registers[r].Initial;
        }
        _resets = new (int, int)[_size][];
        _updates = new (int, int)[_size][];
        _checks = new (bool, int, int)[_size][];
        for (int t = 0; t < _size; t++)
        {
            string kind = TokenKinds.JsonName(vocab[t].Kind);
            _resets[t] = spec.Registers
                .Select((r, i) => (r, i))
                .Where(x => x.r.Resets.ContainsKey(kind))
                .Select(x => (x.i, x.r.Resets[kind])).ToArray();
            _updates[t] = spec.Updates.Where(u => u.Kind == kind)
                .Select(u => (regIndex[u.Register], Attribute(t, u.Attribute))).ToArray();
            _checks[t] = spec.Checks.Where(c => c.Kind == kind)
                .Select(c => (c.Op == "gt", regIndex[c.Register], Attribute(t, c.Attribute))).ToArray();
        }
    }

    internal int StartState { get; }
    internal int EndState { get; }

    /// <summary>A new cursor at the start of a sequence. [main] (allocates)</summary>
    public GrammarCursor Start()
    {
        var c = new GrammarCursor(_initial.Length);
        Reset(c);
        return c;
    }

    /// <summary>Moves a cursor back to the start. [generator]</summary>
    public void Reset(GrammarCursor cursor)
    {
        cursor.State = StartState;
        _initial.AsSpan().CopyTo(cursor.Registers);
    }

    /// <summary>True once EOS has been accepted. [generator]</summary>
    public bool IsEnd(GrammarCursor cursor) => cursor.State == EndState;

    /// <summary>The automaton state's name (for messages and tests). [any]</summary>
    public string StateName(GrammarCursor cursor) => _stateNames[cursor.State];

    /// <summary>May <paramref name="token"/> come next? [generator]</summary>
    public bool IsAllowed(GrammarCursor cursor, int token)
    {
        if ((uint)token >= (uint)_size || _next[cursor.State * _size + token] < 0)
            return false;
        foreach (var (greater, reg, value) in _checks[token])
        {
            int r = cursor.Registers[reg];
            if (greater ? value <= r : value >= r)
                return false;
        }
        return true;
    }

    /// <summary>Writes true for every token that may come next; returns how many. [generator]</summary>
    public int Fill(GrammarCursor cursor, Span<bool> allowed)
    {
        if (allowed.Length != _size)
            throw new ArgumentException($"mask span must have {_size} entries", nameof(allowed));
        int n = 0;
        for (int t = 0; t < _size; t++)
        {
            bool ok = IsAllowed(cursor, t);
            allowed[t] = ok;
            n += ok ? 1 : 0;
        }
        return n;
    }

    /// <summary>Sets the logits of forbidden tokens to negative infinity; returns how many stay. [generator]</summary>
    public int Apply(GrammarCursor cursor, Span<float> logits)
    {
        if (logits.Length != _size)
            throw new ArgumentException($"logits span must have {_size} entries", nameof(logits));
        int n = 0;
        for (int t = 0; t < _size; t++)
        {
            if (IsAllowed(cursor, t))
                n++;
            else
                logits[t] = float.NegativeInfinity;
        }
        return n;
    }

    /// <summary>Accepts a token; throws <see cref="TokenizeException"/> if the grammar forbids it. [generator]</summary>
    public void Advance(GrammarCursor cursor, int token)
    {
        if (!IsAllowed(cursor, token))
        {
            string name = (uint)token < (uint)_size ? _vocab[token].Name : token.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new TokenizeException($"token {name} is not allowed in grammar state {_stateNames[cursor.State]}");
        }
        cursor.State = _next[cursor.State * _size + token];
        foreach (var (reg, value) in _resets[token])
            cursor.Registers[reg] = value;
        foreach (var (reg, value) in _updates[token])
            cursor.Registers[reg] = value;
    }

    private int Attribute(int token, string attribute)
    {
        if (!_vocab.TryGetAttribute(token, attribute, out int v))
            throw new VocabularyException(_vocab.SourcePath, $"grammar uses attribute '{attribute}' that token {_vocab[token].Name} lacks");
        return v;
    }
}
