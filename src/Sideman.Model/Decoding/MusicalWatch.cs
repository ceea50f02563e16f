using Sideman.Model.Tokens;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Decoding;

/// <summary>
/// Follows a bar's tokens while they are sampled and says when one makes a musical rule certainly broken, so the
/// guard can stop that try there instead of sampling the whole bar: beat one is lost when the first position after
/// tick 0 arrives with no note on the chord's bass at tick 0 (and a miss would not be let through); a strong-beat fault
/// is certain at its pitch token. Only for bars whose chords the caller gave (they are known before the events); the
/// out-of-key rule needs the notes around a note, so it waits for the whole bar. Allocates nothing. [generator]
/// </summary>
internal sealed class MusicalWatch(Vocabulary vocabulary)
{
    private readonly Vocabulary _v = vocabulary;
    private MusicalRules? _rules;
    private ReadOnlyMemory<BarChord> _chords;
    private TimeSignature _ts;
    private int _scale, _target, _pos;

    /// <summary>Starts watching a try of a bar over <paramref name="chords"/>, after the kept bars summed up in <paramref name="memory"/>.</summary>
    public void Begin(MusicalRules rules, ReadOnlyMemory<BarChord> chords, TimeSignature ts, MusicalMemory memory, int grace)
    {
        _rules = rules;
        _chords = chords;
        _ts = ts;
        ReadOnlySpan<BarChord> span = chords.Span;
        _scale = rules.KeyScale(span, memory);
        _target = rules.BeatOneTarget(span);
        if (_target >= 0 && ((memory.Carry & (1 << _target)) != 0 || MusicalRules.MissTolerated(span[MusicalRules.ChordAt(span, 0)].Chord, memory, grace)))
            _target = -1; // an anticipation already sounds it, or a miss would be let through
        _pos = -1;
    }

    /// <summary>The rule <paramref name="token"/> (the next sampled token of the bar) certainly breaks, or None.</summary>
    public MusicalRule Observe(int token)
    {
        Token t = _v[token];
        if (t.Kind == TokenKind.Position)
        {
            _pos = t.Value;
            return _target >= 0 && _pos > 0 ? MusicalRule.BeatOne : MusicalRule.None;
        }
        if (t.Kind != TokenKind.Pitch || _pos < 0)
            return MusicalRule.None;
        ReadOnlySpan<BarChord> chords = _chords.Span;
        int c = MusicalRules.ChordAt(chords, _pos);
        if (c < 0 || chords[c].Chord.IsNoChord)
            return MusicalRule.None;
        ChordSymbol chord = chords[c].Chord;
        int iv = MusicalRules.Interval(chord, t.Degree, t.Alteration);
        int pc = (chord.Root + iv) % 12;
        if (_pos == 0 && pc == _target)
            _target = -1;
        bool fault = !MusicalRules.IsChordTone(chord, iv) && MetreAccents.IsStrong(_ts, _pos) && _rules!.IsStrongBeatFault(chord, iv, pc, _scale);
        return fault ? MusicalRule.StrongBeat : MusicalRule.None;
    }
}
