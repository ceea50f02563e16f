namespace Sideman.Model.Decoding;

/// <summary>
/// A copy of exactly the tokens the model's cache holds: the header, then whole bars (the newest may
/// be in progress), with each bar's fingerprint and its place in the transcript. When the context is
/// full, <see cref="Slide"/> keeps the header and the newest bars that leave room, so the model can be
/// re-prefilled with them. Fixed buffers; allocates nothing.
/// </summary>
internal sealed class ContextWindow
{
    private readonly int[] _tokens;
    private readonly BarRecord[] _records;
    private int _bars;

    public ContextWindow(int capacity)
    {
        _tokens = new int[capacity];
        _records = new BarRecord[capacity];
    }

    /// <summary>
    /// Where a bar starts in the window and in the transcript, its event fingerprint once written, and what the
    /// musical guard and the density feedback remember after it.
    /// </summary>
    public record struct BarRecord(int Start, int TranscriptStart, ulong Hash, MusicalMemory Memory = default, DensityFeedback Feedback = default);

    public int Capacity => _tokens.Length;
    public int Length { get; private set; }
    public int HeaderLength { get; private set; }

    /// <summary>Bars (and the one in progress) in the window.</summary>
    public int Bars => _bars;

    /// <summary>Fingerprint of the newest bar that slid out of the window (0 if none).</summary>
    public ulong HashBeforeWindow { get; private set; }

    /// <summary>The musical guard's memory after the newest bar that slid out of the window (default if none).</summary>
    public MusicalMemory MemoryBeforeWindow { get; private set; }

    /// <summary>The density feedback after the newest bar that slid out of the window (none if none).</summary>
    public DensityFeedback FeedbackBeforeWindow { get; private set; }

    public ReadOnlySpan<int> Tokens => _tokens.AsSpan(0, Length);

    public void Start(ReadOnlySpan<int> header)
    {
        header.CopyTo(_tokens);
        Length = HeaderLength = header.Length;
        _bars = 0;
        HashBeforeWindow = 0;
        MemoryBeforeWindow = MusicalMemory.SongStart;
        FeedbackBeforeWindow = default;
    }

    public BarRecord Bar(int index) => _records[index];

    /// <summary>Where the newest bar starts.</summary>
    public int CurrentBarStart => _records[_bars - 1].Start;

    /// <summary>Marks the start of a new bar at the current end.</summary>
    public void BeginBar(int transcriptStart) => _records[_bars++] = new BarRecord(Length, transcriptStart, 0);

    public void SetCurrentHash(ulong hash) => _records[_bars - 1].Hash = hash;

    public void SetCurrentMemory(MusicalMemory memory) => _records[_bars - 1].Memory = memory;

    public void SetCurrentFeedback(DensityFeedback feedback) => _records[_bars - 1].Feedback = feedback;

    public void Append(int token) => _tokens[Length++] = token;

    /// <summary>Drops tokens after <paramref name="length"/> (inside the bar in progress).</summary>
    public void Truncate(int length) => Length = length;

    /// <summary>Forgets the newest <paramref name="bars"/> bars.</summary>
    public void DropNewest(int bars)
    {
        _bars -= bars;
        Length = _records[_bars].Start;
    }

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
        while (keep < _bars && (keep < minimumBars || HeaderLength + (Length - _records[_bars - 1 - keep].Start) <= budget))
            keep++;
        if (keep < _bars)
        {
            HashBeforeWindow = _records[_bars - keep - 1].Hash;
            MemoryBeforeWindow = _records[_bars - keep - 1].Memory;
            FeedbackBeforeWindow = _records[_bars - keep - 1].Feedback;
        }
        int from = keep == 0 ? Length : _records[_bars - keep].Start;
        int moved = Length - from;
        Array.Copy(_tokens, from, _tokens, HeaderLength, moved);
        int shift = from - HeaderLength;
        for (int i = 0; i < keep; i++)
        {
            BarRecord r = _records[_bars - keep + i];
            _records[i] = r with { Start = r.Start - shift };
        }
        _bars = keep;
        Length = HeaderLength + moved;
        return keep;
    }
}
