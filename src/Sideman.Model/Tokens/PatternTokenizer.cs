using Sideman.Music.Time;
using System.Globalization;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tokens;

/// <summary>
/// Pattern events to tokens and back, exactly as models/training/sideman_data/tokenizer.py:
/// <code>
/// BOS STYLE PART [KEY] TEMPO ( BAR TS SEC EN [chords] events )+ EOS
/// chords (pitched parts): (ROOT QUAL [BASS] | NOCHORD) (CHG (ROOT QUAL [BASS] | NOCHORD))*
/// events: pitched: POS (PITCH DUR VEL [MT])+    drums: POS (DRUM VEL [MT])+
/// </code>
/// Chord roots are degrees above the phrase's key tonic. Encoding refuses what the vocabulary
/// cannot hold exactly (quantise first with <see cref="Vocabulary.QuantizeVelocity"/> and
/// <see cref="Vocabulary.QuantizeDuration"/>); decoding walks the <see cref="GrammarMask"/>,
/// so Decode(Encode(p)) equals p and a malformed sequence fails with its position.
/// </summary>
public sealed class PatternTokenizer
{
    private readonly Vocabulary _v;

    public PatternTokenizer(Vocabulary vocabulary)
    {
        _v = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        Grammar = new GrammarMask(vocabulary);
    }

    public Vocabulary Vocabulary => _v;
    public GrammarMask Grammar { get; }

    /// <summary>The whole phrase, BOS to EOS. [generator]</summary>
    public int[] Encode(PartPhrase phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var output = new List<int>(64 + 32 * phrase.Bars.Length);
        EncodeHeader(phrase.Style, phrase.Part, phrase.KeyTonic, phrase.TempoBucket, output);
        if (phrase.Bars.Length == 0)
            throw new TokenizeException("a phrase needs at least one bar");
        for (int i = 0; i < phrase.Bars.Length; i++)
            EncodeBar(phrase, i, output, includeEvents: true);
        output.Add(_v.Eos);
        return output.ToArray();
    }

    /// <summary>BOS STYLE PART [KEY] TEMPO. [generator]</summary>
    public void EncodeHeader(string style, PartRole part, int keyTonic, int tempoBucket, List<int> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Add(_v.Bos);
        output.Add(_v.TryStyle(style, out int s) ? s : throw new TokenizeException($"style '{style}' is not in {_v.SourcePath}"));
        output.Add(_v.Part(part));
        if (PartRoles.IsPitched(part))
        {
            if (keyTonic is < 0 or > 11)
                throw new TokenizeException($"pitched part {PartRoles.Name(part)} needs a key tonic 0..11, got {keyTonic}");
            output.Add(_v.Key(keyTonic));
        }
        output.Add(_v.TryTempo(tempoBucket, out int t) ? t : throw new TokenizeException($"tempo bucket {tempoBucket} is not in the vocabulary"));
    }

    /// <summary>
    /// One bar: BAR TS SEC EN, its chords (pitched parts) and, if asked, its events. Without the
    /// events this is the prompt the decoder pre-fills before sampling a bar. [generator]
    /// </summary>
    public void EncodeBar(PartPhrase phrase, int barIndex, List<int> output, bool includeEvents)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(output);
        var bar = phrase.Bars[barIndex];
        string where = "bar " + barIndex.ToString(CultureInfo.InvariantCulture);
        bool pitched = PartRoles.IsPitched(phrase.Part);
        int length = bar.TimeSignature.TicksPerBar;
        output.Add(_v.Bar);
        output.Add(_v.TryTimeSignature(bar.TimeSignature, out int ts) ? ts : throw new TokenizeException($"{where}: time signature {bar.TimeSignature} is not in the vocabulary"));
        output.Add(_v.Section(bar.Section));
        output.Add(_v.TryEnergy(bar.Energy, out int en) ? en : throw new TokenizeException($"{where}: energy {bar.Energy} is not in the vocabulary"));
        if (pitched)
        {
            var chords = bar.Chords;
            if (chords.Length == 0 || chords[0].Tick != 0)
                throw new TokenizeException($"{where}: pitched bars need a chord at tick 0");
            int last = -1;
            for (int i = 0; i < chords.Length; i++)
            {
                var c = chords[i];
                if (c.Tick <= last || c.Tick >= length)
                    throw new TokenizeException($"{where}: chord at tick {c.Tick} is out of order or past the bar");
                last = c.Tick;
                if (i > 0)
                    output.Add(_v.TryChordChange(c.Tick, out int chg) ? chg : throw new TokenizeException($"{where}: chord change at tick {c.Tick} is off the chord grid"));
                if (c.Chord.IsNoChord)
                {
                    output.Add(_v.NoChord);
                    continue;
                }
                output.Add(_v.Root(((c.Chord.Root - phrase.KeyTonic) % 12 + 12) % 12));
                output.Add(_v.Quality(c.Chord.Quality));
                if (c.Chord.BassInterval != 0)
                    output.Add(_v.BassInterval(c.Chord.BassInterval));
            }
        }
        else if (bar.Chords.Length != 0)
        {
            throw new TokenizeException($"{where}: drum bars carry no chords");
        }
        if (!includeEvents)
            return;
        if (pitched)
            EncodeNotes(bar, where, length, output);
        else
            EncodeHits(bar, where, length, output);
    }

    private void EncodeNotes(BarPattern bar, string where, int length, List<int> output)
    {
        if (bar.Hits.Length != 0)
            throw new TokenizeException($"{where}: drum hits in a pitched part");
        int lastTick = -1, lastOrder = -1;
        foreach (var e in bar.Notes)
        {
            int pitch = _v.Pitch(e.Pitch);
            int order = _v[pitch].Order;
            if (e.Tick < lastTick || (e.Tick == lastTick && order <= lastOrder))
                throw new TokenizeException($"{where}: notes are not in canonical order at tick {e.Tick}");
            if (e.Tick != lastTick)
            {
                if (e.Tick >= length || !_v.TryPosition(e.Tick, out int pos))
                    throw new TokenizeException($"{where}: note tick {e.Tick} is off the grid or past the bar");
                output.Add(pos);
                lastTick = e.Tick;
            }
            lastOrder = order;
            output.Add(pitch);
            output.Add(_v.TryDuration(e.DurationTicks, out int dur) ? dur : throw new TokenizeException($"{where}: duration {e.DurationTicks} is not a DUR value (quantise it)"));
            AddVelocityAndMicro(where, e.Velocity, e.MicroOffset, output);
        }
    }

    private void EncodeHits(BarPattern bar, string where, int length, List<int> output)
    {
        if (bar.Notes.Length != 0)
            throw new TokenizeException($"{where}: pitched notes in a drum part");
        int lastTick = -1, lastOrder = -1;
        foreach (var e in bar.Hits)
        {
            if (!_v.TryDrum(e.GmNote, out int drum))
                throw new TokenizeException($"{where}: GM note {e.GmNote} has no drum class");
            int order = _v[drum].Order;
            if (e.Tick < lastTick || (e.Tick == lastTick && order <= lastOrder))
                throw new TokenizeException($"{where}: hits are not in canonical order at tick {e.Tick}");
            if (e.Tick != lastTick)
            {
                if (e.Tick >= length || !_v.TryPosition(e.Tick, out int pos))
                    throw new TokenizeException($"{where}: hit tick {e.Tick} is off the grid or past the bar");
                output.Add(pos);
                lastTick = e.Tick;
            }
            lastOrder = order;
            output.Add(drum);
            AddVelocityAndMicro(where, e.Velocity, e.MicroOffset, output);
        }
    }

    private void AddVelocityAndMicro(string where, int velocity, int micro, List<int> output)
    {
        output.Add(_v.TryVelocity(velocity, out int vel) ? vel : throw new TokenizeException($"{where}: velocity {velocity} is not a VEL value (quantise it)"));
        if (micro != 0)
            output.Add(_v.TryMicro(micro, out int mt) ? mt : throw new TokenizeException($"{where}: micro offset {micro} is out of range"));
    }

    /// <summary>Tokens (BOS ... EOS) to a phrase; throws <see cref="TokenizeException"/> naming the position on any grammar error. [generator]</summary>
    public PartPhrase Decode(ReadOnlySpan<int> tokens)
    {
        var cursor = Grammar.Start();
        var builder = new PhraseBuilder(_v);
        for (int i = 0; i < tokens.Length; i++)
        {
            try
            {
                Grammar.Advance(cursor, tokens[i]);
            }
            catch (TokenizeException e)
            {
                throw new TokenizeException($"token {i}: {e.Message}");
            }
            builder.Accept(_v[tokens[i]]);
        }
        if (!Grammar.IsEnd(cursor))
            throw new TokenizeException($"sequence ends in grammar state {Grammar.StateName(cursor)}, without EOS");
        return builder.Build();
    }

    /// <summary>
    /// The bars completed so far in a sequence still being generated (a bar is complete once the
    /// next BAR or EOS has arrived); the bar in progress is left out. Throws on a grammar error. [generator]
    /// </summary>
    public PartPhrase DecodeCompletedBars(ReadOnlySpan<int> tokens)
    {
        var cursor = Grammar.Start();
        var builder = new PhraseBuilder(_v);
        for (int i = 0; i < tokens.Length; i++)
        {
            try
            {
                Grammar.Advance(cursor, tokens[i]);
            }
            catch (TokenizeException e)
            {
                throw new TokenizeException($"token {i}: {e.Message}");
            }
            builder.Accept(_v[tokens[i]]);
        }
        return builder.Build();
    }

    /// <summary>Collects decoded tokens into bars; only ever fed grammar-checked tokens.</summary>
    private sealed class PhraseBuilder(Vocabulary v)
    {
        private readonly List<BarPattern> _bars = new();
        private readonly List<BarChord> _chords = new();
        private readonly List<PitchedEvent> _notes = new();
        private readonly List<DrumEvent> _hits = new();
        private string _style = "";
        private PartRole _part;
        private int _key = -1, _tempo;
        private TimeSignature _ts;
        private SectionKind _section;
        private int _energy, _chordTick, _pos;
        private bool _inBar;
        // pending chord and note
        private int _root = -1, _bass;
        private ChordQuality _quality;
        private bool _chordPending, _notePending;
        private int _octave, _degree, _alteration, _drum, _duration, _velocity, _micro;

        public void Accept(Token t)
        {
            switch (t.Kind)
            {
                case TokenKind.Style: _style = v.Styles[t.Value]; break;
                case TokenKind.Part: _part = (PartRole)t.Value; break;
                case TokenKind.Key: _key = t.Value; break;
                case TokenKind.Tempo: _tempo = t.Value; break;
                case TokenKind.Bar:
                    CloseBar();
                    _inBar = true;
                    break;
                case TokenKind.TimeSignature: _ts = new TimeSignature(t.Numerator, t.Denominator); break;
                case TokenKind.Section: _section = (SectionKind)t.Value; break;
                case TokenKind.Energy:
                    _energy = t.Value;
                    _chordTick = 0;
                    break;
                case TokenKind.Root:
                    _root = (t.Value + _key) % 12;
                    _bass = 0;
                    _chordPending = true;
                    break;
                case TokenKind.Quality: _quality = (ChordQuality)t.Value; break;
                case TokenKind.Bass: _bass = t.Value; break;
                case TokenKind.NoChord: _chords.Add(new BarChord(_chordTick, ChordSymbol.NoChord)); break;
                case TokenKind.ChordChange:
                    CloseChord();
                    _chordTick = t.Value;
                    break;
                case TokenKind.Position:
                    CloseChord();
                    CloseNote();
                    _pos = t.Value;
                    break;
                case TokenKind.Pitch:
                    CloseNote();
                    (_octave, _degree, _alteration, _micro, _notePending) = (t.Octave, t.Degree, t.Alteration, 0, true);
                    break;
                case TokenKind.Drum:
                    CloseNote();
                    (_drum, _micro, _notePending) = (t.Value, 0, true);
                    break;
                case TokenKind.Duration: _duration = t.Value; break;
                case TokenKind.Velocity: _velocity = t.Value; break;
                case TokenKind.Micro: _micro = t.Value; break;
                case TokenKind.Eos: CloseBar(); break;
            }
        }

        public PartPhrase Build() => new(_style, _part, PartRoles.IsPitched(_part) ? _key : -1, _tempo, _bars.ToArray());

        private void CloseChord()
        {
            if (!_chordPending)
                return;
            _chords.Add(new BarChord(_chordTick, new ChordSymbol(_root, _quality, _bass)));
            _chordPending = false;
        }

        private void CloseNote()
        {
            if (!_notePending)
                return;
            if (_part == PartRole.Drums)
                _hits.Add(new DrumEvent(_pos, _drum, _velocity, _micro));
            else
                _notes.Add(new PitchedEvent(_pos, new ChordRelativePitch(_octave, _degree, _alteration), _duration, _velocity, _micro));
            _notePending = false;
        }

        private void CloseBar()
        {
            CloseChord();
            CloseNote();
            if (!_inBar)
                return;
            _bars.Add(new BarPattern(_ts, _section, _energy, _chords.ToArray(), _notes.ToArray(), _hits.ToArray()));
            _chords.Clear();
            _notes.Clear();
            _hits.Clear();
            _inBar = false;
        }
    }
}
