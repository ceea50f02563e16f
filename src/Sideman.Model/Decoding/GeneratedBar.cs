using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Decoding;

/// <summary>
/// The bar a <see cref="PartGenerator"/> just wrote, as pattern events and as tokens. The generator
/// owns and reuses this object: its spans are valid until its next bar. <see cref="ToPattern"/> makes
/// an immutable copy (the only allocation of a bar). Chords have absolute roots: the caller's, or the
/// model's choice when the caller gave none.
/// </summary>
public sealed class GeneratedBar
{
    private readonly BarChord[] _chords;
    private readonly PitchedEvent[] _notes;
    private readonly DrumEvent[] _hits;
    private readonly int[] _tokens;

    internal GeneratedBar(PartRole part, int maxChords, int maxEvents, int maxTokens)
    {
        Part = part;
        _chords = new BarChord[maxChords];
        _notes = new PitchedEvent[PartRoles.IsPitched(part) ? maxEvents : 0];
        _hits = new DrumEvent[PartRoles.IsPitched(part) ? 0 : maxEvents];
        _tokens = new int[maxTokens];
    }

    public PartRole Part { get; }
    public long BarIndex { get; internal set; }
    public TimeSignature TimeSignature { get; internal set; }
    public SectionKind Section { get; internal set; }
    public int Energy { get; internal set; }

    /// <summary>FNV-1a fingerprint of the bar's event tokens (0 = no events), as the originality index uses.</summary>
    public ulong EventHash { get; internal set; }

    /// <summary>Samples drawn for this bar: 1 unless the originality or the musical guard rejected a sample.</summary>
    public int Attempts { get; internal set; }

    /// <summary>Every sample copied training data, so the last one was minimally altered to break the match.</summary>
    public bool Perturbed { get; internal set; }

    /// <summary>The part's rules this bar breaks (<see cref="MusicalRules"/>): none unless every try of the musical guard broke one, or the guard is off.</summary>
    public MusicalRule RuleBreaks { get; internal set; }

    /// <summary>The model ran out of the bar's token budget and the bar was closed for it.</summary>
    public bool ClosedByBudget { get; internal set; }

    /// <summary>[any]</summary>
    public ReadOnlySpan<BarChord> Chords => _chords.AsSpan(0, ChordCount);

    /// <summary>[any]</summary>
    public ReadOnlySpan<PitchedEvent> Notes => _notes.AsSpan(0, NoteCount);

    /// <summary>[any]</summary>
    public ReadOnlySpan<DrumEvent> Hits => _hits.AsSpan(0, HitCount);

    /// <summary>The bar's tokens: BAR TS SEC EN, chords, events (the next BAR is the next bar's).</summary>
    public ReadOnlySpan<int> Tokens => _tokens.AsSpan(0, TokenCount);

    internal int ChordCount { get; set; }
    internal int NoteCount { get; set; }
    internal int HitCount { get; set; }
    internal int TokenCount { get; set; }
    internal BarChord[] ChordBuffer => _chords;
    internal PitchedEvent[] NoteBuffer => _notes;
    internal DrumEvent[] HitBuffer => _hits;
    internal int[] TokenBuffer => _tokens;

    /// <summary>An immutable copy for the performer. [generator] (allocates the pattern)</summary>
    public BarPattern ToPattern() =>
        new(TimeSignature, Section, Energy, Chords.ToArray(), Notes.ToArray(), Hits.ToArray());
}
