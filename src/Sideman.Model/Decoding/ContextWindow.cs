namespace Sideman.Model.Decoding;

/// <summary>
/// A copy of exactly the tokens the model's cache holds: the header, then whole bars (the newest may
/// be in progress). When the context is full, <see cref="Slide"/> keeps the header and the newest bars
/// that leave room, so the model can be re-prefilled with them. Fixed buffers; allocates nothing.
/// </summary>
internal sealed class ContextWindow
{
    private readonly int[] _tokens;
    private readonly int[] _barStarts;
    private int _bars;

    public ContextWindow(int capacity)
    {
        _tokens = new int[capacity];
        _barStarts = new int[capacity];
    }

    public int Capacity => _tokens.Length;
    public int Length { get; private set; }
    public int HeaderLength { get; private set; }

    /// <summary>Whole bars (and the one in progress) in the window.</summary>
    public int Bars => _bars;

    public ReadOnlySpan<int> Tokens => _tokens.AsSpan(0, Length);

    public void Start(ReadOnlySpan<int> header)
    {
        header.CopyTo(_tokens);
        Length = HeaderLength = header.Length;
        _bars = 0;
    }

    /// <summary>Where the newest bar starts.</summary>
    public int CurrentBarStart => _barStarts[_bars - 1];

    /// <summary>Marks the start of a new bar at the current end.</summary>
    public void BeginBar() => _barStarts[_bars++] = Length;

    public void Append(int token) => _tokens[Length++] = token;

    public void Append(ReadOnlySpan<int> tokens)
    {
        tokens.CopyTo(_tokens.AsSpan(Length));
        Length += tokens.Length;
    }

    /// <summary>Drops tokens after <paramref name="length"/> (inside the bar in progress).</summary>
    public void Truncate(int length) => Length = length;

    /// <summary>Would <paramref name="needed"/> more tokens overflow the window?</summary>
    public bool NeedsSlide(int needed) => Length + needed > Capacity;

    /// <summary>
    /// Keeps the header and the newest bars such that at most <paramref name="keepLimit"/> tokens stay and
    /// <paramref name="needed"/> more fit, but always the newest <paramref name="minimumBars"/> (the bar in
    /// progress, when sliding inside a bar); returns how many bars were kept.
    /// </summary>
    public int Slide(int needed, int keepLimit, int minimumBars)
    {
        int budget = Math.Min(keepLimit, Capacity - needed);
        int keep = 0;
        while (keep < _bars && (keep < minimumBars || HeaderLength + (Length - _barStarts[_bars - 1 - keep]) <= budget))
            keep++;
        int from = keep == 0 ? Length : _barStarts[_bars - keep];
        int moved = Length - from;
        Array.Copy(_tokens, from, _tokens, HeaderLength, moved);
        int shift = from - HeaderLength;
        for (int i = 0; i < keep; i++)
            _barStarts[i] = _barStarts[_bars - keep + i] - shift;
        _bars = keep;
        Length = HeaderLength + moved;
        return keep;
    }
}
