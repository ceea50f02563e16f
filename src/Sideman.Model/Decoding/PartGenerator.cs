using System.Globalization;
using System.Runtime.InteropServices;
using Sideman.Model.Originality;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;

namespace Sideman.Model.Decoding;

/// <summary>
/// Writes one part bar by bar with a token model. The caller fixes the header once and, per bar, the
/// conditioning (metre, section, energy, and the chords when it knows them); the model writes the rest
/// under the grammar mask, with temperature and top-p sampling from DeterministicRng.For(seed, bar, part).
/// So the same seed, inputs and settings give the same tokens on any thread at any speed.
/// <para>
/// The first bar pre-fills the header and its conditioning; later bars feed their conditioning and
/// sampled tokens one step at a time through the KV cache. When the context is full, the window slides:
/// the header and the newest bars (at most <see cref="GeneratorSettings.SlideKeepFraction"/> of the
/// context, and always the bar in progress) are re-prefilled; near the end of the context this happens
/// at a bar line, else inside the bar, so no bar is ever cut short by the context. With an originality index,
/// each finished bar's pair (previous bar, this bar) is looked up; a copy is rolled back in the cache
/// and resampled from another stream, and after <see cref="GeneratorSettings.GuardAttempts"/> copies the
/// last sample is minimally changed (<see cref="CopyBreaker"/>), so no copied pair is ever emitted. With the musical
/// guard on (<see cref="GeneratorSettings.MusicalGuard"/>), each pitched bar is also checked against its part's rules
/// (<see cref="MusicalRules"/>): a bar that breaks one is rolled back and resampled the same way (a sample is stopped at
/// the token that breaks beat one or a strong beat), and when every try breaks one the lowest-scoring try is kept
/// (fed back in when it was not the last) and, for a missed beat one, given the chord's bass (<see cref="BeatOneRepair"/>).
/// </para>
/// <para>
/// After the first bar a bar allocates nothing, except on the bars where the window slides (the
/// multi-token prefill creates a few small tensor handles). Not thread-safe: one instance belongs to
/// one generator thread. [generator]
/// </para>
/// </summary>
public sealed class PartGenerator : IDisposable
{
    // Tokens the model may still need to finish an event once the budget closes a bar (PITCH DUR VEL MT).
    private const int ClosingReserve = 4;

    private readonly ITokenModel _model;
    private readonly bool _ownsModel;
    private readonly Vocabulary _v;
    private readonly GrammarMask _grammar;
    private readonly GrammarCursor _cursor;
    private readonly GrammarCursor _bodyCursor;
    private readonly GrammarCursor _headerCursor;
    private readonly TokenSampler _sampler;
    private readonly BarPromptEncoder _prompt;
    private readonly BarDecoder _decoder;
    private readonly CopyBreaker _breaker;
    private readonly MusicalWatch _watch;
    private readonly BeatOneRepair _repair;
    private readonly KeyRepair _keyRepair;
    private MusicalRules? _rules;
    private readonly int[] _bestBody;
    private BestTry _best;
    private MusicalMemory _memory;
    private DensityFeedback _feedback; // how far each level's set point has moved after the bars kept so far
    private readonly OriginalityIndex? _index;
    private readonly ContextWindow _window;
    private int[] _header;
    private readonly int[] _promptTokens;
    private readonly DensityTargets? _density;
    private float[]? _densityRow; // this style and part's notes per bar at energy 0..4, or null: no steering
    private float _densityFigure = float.NaN; // the bar in progress's level's figure (NaN: not steered)
    private float _densityTarget = float.NaN; // where the bar in progress is steered: the figure moved by the feedback
    private readonly float[] _steered; // the logits with the bar's end and next position steered (SampleBody)
    private readonly (int First, int Count) _positionTokens;
    private readonly int[] _positionTicks; // the tick of each POS token, from _positionTokens.First
    private int _barTicks; // the bar in progress's length
    private readonly int[] _body;
    private readonly int[] _insertBody; // a bar with a note put on beat one (BeatOneRepair.TryInsert)
    private readonly bool[] _allowed;
    private readonly float[] _bodyLogits;
    private readonly GeneratedBar _bar;
    private readonly List<int>? _transcript;
    private readonly int _partToken;
    private readonly int _budget;
    private readonly int _keepLimit;
    private readonly (int First, int Count) _changeTokens;
    private readonly (int First, int Count) _bassTokens;

    private ulong _previousHash;
    private int _promptLength;
    private bool _bodyLogitsStale;
    private bool _started;
    private bool _disposed;
    private long _rolledBack, _slidesInside;
    private long _bars, _sampled, _forced, _slides, _budgetClosed, _checks, _rejections, _resamples, _perturbations, _copies;
    private long _musicalChecks, _musicalStopped, _beatOneRepairs, _beatOneRejections, _strongBeatRejections, _outOfKeyRejections, _musicalResamples, _musicalRefeeds, _musicalViolationsKept, _keyRepairs;

    /// <summary>
    /// A generator for <paramref name="header"/> over <paramref name="model"/> (a decoder of its own; disposed
    /// with the generator when <paramref name="ownsModel"/>). <paramref name="index"/> null disables the guard. [main]/[generator]
    /// </summary>
    public PartGenerator(ITokenModel model, Vocabulary vocabulary, PartHeader header, GeneratorSettings settings,
                         OriginalityIndex? index = null, bool ownsModel = false, DensityTargets? density = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (model.Info.VocabSize != vocabulary.Size)
        {
            throw new ModelException(ModelErrorKind.VocabularyMismatch,
                $"model file {model.Info.Path} predicts {model.Info.VocabSize} tokens but vocabulary {vocabulary.SourcePath} has {vocabulary.Size}. " +
                "Install the model and vocab.json from the same release.");
        }
        _model = model;
        _ownsModel = ownsModel;
        _v = vocabulary;
        Header = header;
        Settings = settings;
        _index = index;
        _density = density;
        _densityRow = density?.RowOrNull(header.Style, header.Part);
        _steered = new float[vocabulary.Size];
        _grammar = new GrammarMask(vocabulary);
        _cursor = _grammar.Start();
        _bodyCursor = _grammar.Start();
        _headerCursor = _grammar.Start();
        _sampler = new TokenSampler(vocabulary.Size);
        _prompt = new BarPromptEncoder(vocabulary);
        _decoder = new BarDecoder(vocabulary);
        _breaker = new CopyBreaker(vocabulary);
        _watch = new MusicalWatch(vocabulary);
        _repair = new BeatOneRepair(vocabulary);
        _keyRepair = new KeyRepair(vocabulary);
        _header = _prompt.Header(header);
        _partToken = vocabulary.Part(header.Part);
        _changeTokens = vocabulary.Range(TokenKind.ChordChange);
        _bassTokens = vocabulary.Range(TokenKind.Bass);
        _positionTokens = vocabulary.Range(TokenKind.Position);
        _positionTicks = new int[_positionTokens.Count];
        for (int i = 0; i < _positionTicks.Length; i++)
        {
            _positionTicks[i] = vocabulary[_positionTokens.First + i].Value;
        }

        int capacity = model.Capacity;
        _budget = Math.Min(settings.MaxBarTokens, capacity - _header.Length - _prompt.MaxPromptTokens);
        if (_budget < 8)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"a context of {capacity} tokens leaves no room for a bar after the header and the longest bar conditioning ({_prompt.MaxPromptTokens} tokens)"), nameof(model));
        }
        _keepLimit = Math.Max(_header.Length, (int)(capacity * settings.SlideKeepFraction));
        _window = new ContextWindow(capacity);
        _promptTokens = new int[_prompt.MaxPromptTokens];
        _body = new int[_budget];
        _bestBody = new int[_budget];
        _insertBody = new int[_budget];
        _rules = PartRoles.IsPitched(header.Part) ? new MusicalRules(header) : null;
        _allowed = new bool[vocabulary.Size];
        _bodyLogits = new float[vocabulary.Size];
        _bar = new GeneratedBar(header.Part, _prompt.MaxChordsPerBar, _budget / 2 + 1, _prompt.MaxPromptTokens + _budget);
        _transcript = settings.KeepTranscript ? new List<int>(1024) : null;
    }

    public PartHeader Header { get; private set; }

    public GeneratorSettings Settings { get; private set; }

    /// <summary>The largest number of tokens the model may write into one bar.</summary>
    public int BarTokenBudget => _budget;

    /// <summary>Tokens in the model's context now (≤ its capacity).</summary>
    public int ContextLength => _model.Length;

    public bool HasGuard => _index is not null;

    public GenerationStats Stats => new(_bars, _sampled, _forced, _slides, _budgetClosed, _checks, _rejections, _resamples, _perturbations, _copies, _rolledBack, _slidesInside,
        _musicalChecks, _beatOneRejections, _strongBeatRejections, _outOfKeyRejections, _musicalResamples, _musicalRefeeds, _musicalViolationsKept, _musicalStopped, _beatOneRepairs, _keyRepairs);

    /// <summary>
    /// Every token written since the start (header, then each bar), when <see cref="GeneratorSettings.KeepTranscript"/>
    /// is on. Append the EOS token to get a complete sequence.
    /// </summary>
    public ReadOnlySpan<int> Transcript => _transcript is null ? [] : CollectionsMarshal.AsSpan(_transcript);

    /// <summary>Starts a new song with the same header: the next bar is a first bar again. [generator]</summary>
    public void Restart()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _started = false;
        _previousHash = 0;
        _memory = MusicalMemory.SongStart;
        _feedback = default;
        _transcript?.Clear();
    }

    /// <summary>
    /// Starts a new song under another header of the same part (a new style, key or tempo): the next bar is a
    /// first bar again. Throws <see cref="ArgumentException"/> for another part or a header the vocabulary
    /// cannot express, changing nothing. Allocates the header's tokens (a few ints) and the part's rules. [generator]
    /// </summary>
    public void Restart(PartHeader header)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (header.Part != Header.Part)
            throw new ArgumentException($"this generator writes {PartRoles.Name(Header.Part)}, not {PartRoles.Name(header.Part)}", nameof(header));
        int[] tokens = _prompt.Header(header);
        if (tokens.Length != _header.Length)
            throw new ArgumentException($"header {header} has {tokens.Length} tokens; this generator's buffers were sized for {_header.Length}", nameof(header));
        _header = tokens;
        Header = header;
        _densityRow = _density?.RowOrNull(header.Style, header.Part);
        _rules = PartRoles.IsPitched(header.Part) ? new MusicalRules(header) : null;
        Restart();
    }

    /// <summary>
    /// Samples the next bars with other settings (seed, temperature, top-p, guard attempts, musical guard) without forgetting the
    /// context. Settings that size the generator's buffers or window (<see cref="GeneratorSettings.MaxBarTokens"/>,
    /// <see cref="GeneratorSettings.SlideKeepFraction"/>, <see cref="GeneratorSettings.BarLineHeadroom"/>,
    /// <see cref="GeneratorSettings.KeepTranscript"/>) must stay as they are. [generator]
    /// </summary>
    public void Reconfigure(GeneratorSettings settings)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (settings.MaxBarTokens != Settings.MaxBarTokens || settings.SlideKeepFraction != Settings.SlideKeepFraction
            || settings.BarLineHeadroom != Settings.BarLineHeadroom || settings.KeepTranscript != Settings.KeepTranscript)
            throw new ArgumentException("only the seed, sampling, guard attempts and the musical guard can change while generating; make a new generator for the rest", nameof(settings));
        Settings = settings;
    }

    /// <summary>
    /// Writes the next bar. The returned object is reused: read it (or call <see cref="GeneratedBar.ToPattern"/>)
    /// before the next call. Throws <see cref="ArgumentException"/> for conditioning the vocabulary cannot express,
    /// before anything changes. After any other exception (a <see cref="ModelException"/> from the runtime), call
    /// <see cref="Restart"/> before the next bar. [generator]
    /// </summary>
    public GeneratedBar Next(in BarConditioning bar)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        bool pitched = PartRoles.IsPitched(Header.Part);
        int promptLength = _prompt.Encode(bar, Header, _promptTokens);
        ReadOnlySpan<int> prompt = _promptTokens.AsSpan(0, promptLength);
        bool chordsGiven = pitched && !bar.Chords.IsEmpty;

        ReadOnlySpan<float> logits = FeedPrompt(prompt);
        _promptLength = promptLength;
        int level = _densityRow is null ? 0 : Math.Clamp(bar.Energy, 0, _densityRow.Length - 1);
        _densityFigure = _densityRow is null || Settings.DensitySteering == 0 ? float.NaN : _densityRow[level];
        _densityTarget = Math.Max(0f, _densityFigure + _feedback.Offset(level));
        _barTicks = bar.TimeSignature.TicksPerBar;
        logits.CopyTo(_bodyLogits);
        _bodyLogitsStale = false;
        _cursor.CopyTo(_bodyCursor);

        MusicalRules? rules = Settings.MusicalGuard.Enabled ? _rules : null;
        int musicalTries = rules is null ? 1 : Settings.MusicalGuard.Attempts;
        int bodyLength = 0, eventsStart = 0, attempts = 0, bestAttempt = -1;
        ulong hash = 0;
        bool closedByBudget = false, perturbed = false, keepBest = false, checkedLast = false;
        MusicalVerdict verdict = default;
        int part = (int)Header.Part;
        for (int attempt = 0; ; attempt++)
        {
            if (attempt > 0)
            {
                RollBack();
                logits = _bodyLogits;
            }
            attempts++;
            checkedLast = false;
            var rng = DeterministicRng.ForAttempt(Settings.Seed, bar.BarIndex, part, attempt);
            // Every try but the last may stop at the first token that certainly breaks a rule (the last is always whole, to be kept).
            bool watch = rules is not null && chordsGiven && attempt + 1 < musicalTries;
            if (watch)
            {
                _watch.Begin(rules!, bar.Chords, bar.TimeSignature, _memory, Settings.MusicalGuard.BeatOneGrace);
            }
            MusicalRule stopped;
            (bodyLength, closedByBudget, stopped) = SampleBody(logits, chordsGiven, watch, ref rng);
            if (stopped != MusicalRule.None)
            {
                _musicalChecks++;
                _musicalStopped++;
                CountRejections(stopped, +1);
                _musicalResamples++;
                continue;
            }
            eventsStart = FirstPosition(_body.AsSpan(0, bodyLength));
            hash = eventsStart < bodyLength ? BarFingerprint.Hash(_body.AsSpan(eventsStart, bodyLength - eventsStart)) : 0UL;
            if (IsCopy(hash))
            {
                _rejections++;
                // With a try that copies nothing in hand and the musical tries spent, keep that try rather than sample on.
                if (attempt + 1 < Settings.GuardAttempts && !(bestAttempt >= 0 && attempt + 1 >= musicalTries))
                {
                    _resamples++;
                    continue;
                }
                keepBest = bestAttempt >= 0;
                perturbed = !keepBest;
                break;
            }
            if (rules is null)
            {
                break;
            }
            verdict = CheckCurrentBar(rules);
            checkedLast = true;
            if (verdict.Score == 0)
            {
                break;
            }
            if (bestAttempt < 0 || verdict.Score <= _best.Verdict.Score)
            {
                // Ties go to the newer try: it is already in the cache.
                bestAttempt = attempt;
                _best = new BestTry(bodyLength, hash, closedByBudget, verdict);
                _body.AsSpan(0, bodyLength).CopyTo(_bestBody);
            }
            if (attempt + 1 < musicalTries)
            {
                CountRejections(verdict.Broken, +1);
                _musicalResamples++;
                continue;
            }
            keepBest = true;
            break;
        }

        if (keepBest)
        {
            if (bestAttempt != attempts - 1)
            {
                // An earlier try was the best: the cache holds the last one, so feed the best back in.
                if (checkedLast)
                {
                    CountRejections(verdict.Broken, +1);
                }
                RollBack();
                for (int i = 0; i < _best.Length; i++)
                {
                    Feed(_bestBody[i], _best.Length - i);
                }
                (bodyLength, hash, closedByBudget) = (_best.Length, _best.Hash, _best.ClosedByBudget);
                CountRejections(_best.Verdict.Broken, -1); // counted as rejected when the loop moved past it
                _musicalRefeeds++;
            }
            verdict = _best.Verdict;
            if ((verdict.Broken & MusicalRule.BeatOne) != 0 && Settings.MusicalGuard.RepairBeatOne && musicalTries > 1)
            {
                verdict = RepairBeatOne(rules!, verdict, ref bodyLength, ref hash);
            }
            if ((verdict.Broken & MusicalRule.OutOfKey) != 0 && Settings.MusicalGuard.RepairKey && musicalTries > 1)
            {
                verdict = RepairKey(rules!, verdict, ref bodyLength, ref hash);
            }
            if (verdict.Score > 0)
            {
                _musicalViolationsKept++;
            }
        }
        else if (perturbed)
        {
            (bodyLength, hash) = _breaker.Break(_body.AsSpan(0, bodyLength), eventsStart, _index!, _partToken, _previousHash);
            RollBack();
            for (int i = 0; i < bodyLength; i++)
            {
                Feed(_body[i], bodyLength - i);
            }
            _perturbations++;
        }
        if (_index is not null && _index.ContainsPair(_partToken, _previousHash, hash))
        {
            _copies++; // never expected: the loop above only accepts a bar the index does not hold
        }
        _previousHash = hash;
        _window.SetCurrentHash(hash);
        if (closedByBudget)
        {
            _budgetClosed++;
        }

        ReadOnlySpan<int> barTokens = _window.Tokens[_window.CurrentBarStart..];
        _decoder.Decode(barTokens, Header, _bar);
        _bar.BarIndex = bar.BarIndex;
        _bar.EventHash = hash;
        _bar.Attempts = attempts;
        _bar.Perturbed = perturbed;
        _bar.ClosedByBudget = closedByBudget;
        if (rules is not null)
        {
            if (perturbed)
            {
                // The copy breaker's bar was never checked: check it now, so the memory and the counters see what was written.
                verdict = CheckCurrentBar(rules);
                if (verdict.Score > 0)
                    _musicalViolationsKept++;
            }
            _memory = rules.Remember(_bar.Chords, _bar.Notes, _bar.TimeSignature, _memory, verdict);
        }
        _window.SetCurrentMemory(_memory);
        if (!float.IsNaN(_densityFigure) && Settings.DensityFeedback > 0 && (!pitched || HasChord(_bar.Chords)))
        {
            int events = pitched ? _bar.Notes.Length : _bar.Hits.Length;
            _feedback = _feedback.After(level, _densityFigure, events, (float)Settings.DensityFeedback);
        }
        _window.SetCurrentFeedback(_feedback);
        _bar.RuleBreaks = verdict.Broken;
        if (_transcript is not null)
        {
            foreach (int t in barTokens)
            {
                _transcript.Add(t);
            }
        }
        _bars++;
        return _bar;
    }

    /// <summary>
    /// Forgets the newest <paramref name="bars"/> bars so they can be written again, e.g. with other energy or
    /// chords: the cache is rewound to where the first of them began. Returns false, changing nothing, when
    /// they are not all in the model's context any more (the window slid past them). The bar indices the
    /// caller passes next are its own; the rewritten bars draw from their (seed, bar, part) streams again. [generator]
    /// </summary>
    public bool RollBack(int bars)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(bars);
        if (bars == 0)
        {
            return true;
        }
        if (!_started || bars > _window.Bars)
        {
            return false;
        }
        ContextWindow.BarRecord first = _window.Bar(_window.Bars - bars);
        _window.DropNewest(bars);
        _model.Rewind(_window.Length);
        _previousHash = _window.Bars > 0 ? _window.Bar(_window.Bars - 1).Hash : _window.HashBeforeWindow;
        _memory = _window.Bars > 0 ? _window.Bar(_window.Bars - 1).Memory : _window.MemoryBeforeWindow;
        _feedback = _window.Bars > 0 ? _window.Bar(_window.Bars - 1).Feedback : _window.FeedbackBeforeWindow;
        // After BAR the grammar state no longer depends on the bar before, so the state after the header will do.
        _headerCursor.CopyTo(_cursor);
        if (_transcript is not null)
        {
            _transcript.RemoveRange(first.TranscriptStart, _transcript.Count - first.TranscriptStart);
        }
        _rolledBack += bars;
        return true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_ownsModel)
        {
            _model.Dispose();
        }
    }

    /// <summary>Feeds the bar's fixed tokens (after the header on the first bar; after a slide if the bar might not fit) and returns the logits for its first free token.</summary>
    private ReadOnlySpan<float> FeedPrompt(ReadOnlySpan<int> prompt)
    {
        if (!_started || _window.NeedsSlide(prompt.Length + Math.Min(_budget, Settings.BarLineHeadroom)))
        {
            if (!_started)
            {
                _window.Start(_header);
                _grammar.Reset(_cursor);
                foreach (int t in _header)
                {
                    _grammar.Advance(_cursor, t);
                }
                _cursor.CopyTo(_headerCursor);
                _transcript?.AddRange(_header);
                _forced += _header.Length;
                _previousHash = 0;
                _memory = MusicalMemory.SongStart;
                _feedback = default;
                _started = true;
            }
            else
            {
                _window.Slide(prompt.Length + Math.Min(_budget, Settings.BarLineHeadroom), _keepLimit, minimumBars: 0);
                _slides++;
            }
            _window.BeginBar(TranscriptLength);
            AdvancePrompt(prompt);
            _model.Reset();
            return _model.Prefill(_window.Tokens);
        }

        _window.BeginBar(TranscriptLength);
        AdvancePrompt(prompt);
        ReadOnlySpan<float> logits = default;
        foreach (int t in prompt)
        {
            logits = _model.Step(t);
        }
        return logits;
    }

    private int TranscriptLength => _transcript?.Count ?? 0;

    /// <summary>Does the bar sound a chord (not only N.C.)? A pitched part's bar under N.C. is not held to its figure.</summary>
    private static bool HasChord(ReadOnlySpan<BarChord> chords)
    {
        foreach (BarChord c in chords)
        {
            if (!c.Chord.IsNoChord)
            {
                return true;
            }
        }
        return false;
    }

    private void AdvancePrompt(ReadOnlySpan<int> prompt)
    {
        foreach (int t in prompt)
        {
            _grammar.Advance(_cursor, t);
            _window.Append(t);
        }
        _forced += prompt.Length;
    }

    /// <summary>
    /// Samples the bar's free tokens until the model ends the bar (samples BAR, which the next bar feeds) or its budget runs out;
    /// with <paramref name="watch"/>, stops before feeding a token that certainly breaks a musical rule and returns that rule.
    /// </summary>
    private (int Length, bool ClosedByBudget, MusicalRule Stopped) SampleBody(ReadOnlySpan<float> logits, bool chordsGiven, bool watch, ref DeterministicRng rng)
    {
        int n = 0, notes = 0, position = 0;
        bool closed = false;
        int bar = _v.Bar;
        while (true)
        {
            _grammar.Fill(_cursor, _allowed);
            _allowed[_v.Eos] = false; // the caller decides when the song ends
            if (chordsGiven)
            {
                // The caller's chords are the bar's chords: no extra changes, no other bass.
                _allowed.AsSpan(_changeTokens.First, _changeTokens.Count).Clear();
                _allowed.AsSpan(_bassTokens.First, _bassTokens.Count).Clear();
            }
            if (n >= _budget - ClosingReserve && _allowed[bar])
            {
                Array.Clear(_allowed);
                _allowed[bar] = true;
                closed = true;
            }
            int t = _sampler.Sample(_allowed[bar] && !closed && !float.IsNaN(_densityTarget) ? Steered(logits, notes, position) : logits,
                                    _allowed, Settings.Sampling, ref rng);
            _sampled++;
            if (t == bar)
            {
                return (n, closed, MusicalRule.None);
            }
            if (_v.IsKind(t, TokenKind.Pitch) || _v.IsKind(t, TokenKind.Drum))
            {
                notes++;
            }
            else if (_v.IsKind(t, TokenKind.Position))
            {
                position = _positionTicks[t - _positionTokens.First];
            }
            if (watch && _watch.Observe(t) is var broken and not MusicalRule.None)
            {
                return (n, closed, broken);
            }
            _body[n] = t;
            logits = Feed(t, _budget - n);
            n++;
        }
    }

    /// <summary>
    /// The logits steered towards the bar's energy level's figure (<see cref="GeneratorSettings.DensitySteering"/> nats per
    /// note, over the square root of the figure). The bar's end is likelier the more notes the bar has over the figure and
    /// less likely the more it lacks. Each next position is less likely the further the notes so far would be, at that
    /// position, from the figure spread evenly over the bar: a bar behind its figure moves on in smaller steps, one ahead
    /// of it in larger ones. Holding the bar open alone cannot make a part that plays on the beat play between the beats.
    /// The set point is the figure moved by <see cref="DensityFeedback"/>; the strength per note stays the figure's.
    /// </summary>
    private ReadOnlySpan<float> Steered(ReadOnlySpan<float> logits, int notes, int position)
    {
        logits.CopyTo(_steered);
        float target = _densityTarget;
        float perNote = (float)(Settings.DensitySteering / Math.Sqrt(_densityFigure + 1));
        _steered[_v.Bar] += perNote * (notes - target);
        float notesPerTick = target / _barTicks;
        Span<float> positions = _steered.AsSpan(_positionTokens.First, _positionTicks.Length);
        for (int i = 0; i < positions.Length; i++)
        {
            int tick = _positionTicks[i];
            if (tick > position && tick < _barTicks)
            {
                positions[i] -= perNote * Math.Abs(notes - notesPerTick * tick);
            }
        }
        return _steered;
    }

    /// <summary>
    /// Appends a free token of the bar in progress. If the context is full, the window slides inside the bar:
    /// the header, the newest whole bars and this bar so far are re-prefilled, leaving room for
    /// <paramref name="remaining"/> tokens (this one and the most the bar may still take).
    /// </summary>
    private ReadOnlySpan<float> Feed(int token, int remaining)
    {
        _grammar.Advance(_cursor, token);
        if (!_window.NeedsSlide(1))
        {
            _window.Append(token);
            return _model.Step(token);
        }
        _window.Slide(remaining, _keepLimit, minimumBars: 1);
        _window.Append(token);
        _slides++;
        _slidesInside++;
        _bodyLogitsStale = true; // the cache before this bar changed: the logits at its body start are recomputed on a rollback
        _model.Reset();
        return _model.Prefill(_window.Tokens);
    }

    /// <summary>Forgets the bar's free tokens: back to the end of its conditioning in the cache, the window and the grammar.</summary>
    private void RollBack()
    {
        int bodyStart = _window.CurrentBarStart + _promptLength;
        if (_bodyLogitsStale)
        {
            _model.Rewind(bodyStart - 1);
            _model.Step(_window.Tokens[bodyStart - 1]).CopyTo(_bodyLogits);
            _bodyLogitsStale = false;
        }
        else
        {
            _model.Rewind(bodyStart);
        }
        _window.Truncate(bodyStart);
        _bodyCursor.CopyTo(_cursor);
    }

    /// <summary>
    /// The last resort for a bar whose every try missed beat one: its note at tick 0 takes the chord's bass, or, with no
    /// note there, one is put there (<see cref="BeatOneRepair"/>), unless that makes the bar a copy; the bar is fed again
    /// and checked again.
    /// </summary>
    private MusicalVerdict RepairBeatOne(MusicalRules rules, MusicalVerdict verdict, ref int bodyLength, ref ulong hash)
    {
        Span<int> body = WrittenBody();
        if (_bar.Chords.IsEmpty)
            return verdict;
        ChordSymbol chord = _bar.Chords[0].Chord;
        int centre = PartRoles.RegisterCentre(Header.Part);
        if (!_repair.TryRepair(body, chord, centre))
        {
            int inserted = _repair.TryInsert(body, _insertBody, chord, centre, _bar.TimeSignature.TicksPerBar);
            if (inserted < 0)
                return verdict;
            body = _insertBody.AsSpan(0, inserted);
        }
        if (!RefeedRepaired(body, ref bodyLength, ref hash))
        {
            return verdict;
        }
        _beatOneRepairs++;
        return CheckCurrentBar(rules);
    }

    /// <summary>
    /// The last resort for a bar whose every try kept an out-of-key non-chord note: those notes move a semitone into the key
    /// (<see cref="KeyRepair"/>), unless that makes the bar a copy; the bar is fed again and checked again.
    /// </summary>
    private MusicalVerdict RepairKey(MusicalRules rules, MusicalVerdict verdict, ref int bodyLength, ref ulong hash)
    {
        Span<int> body = WrittenBody();
        int moved = _keyRepair.Repair(body, _bar.Chords, rules.KeyScale(_bar.Chords, _memory), PartRoles.RegisterCentre(Header.Part));
        if (moved == 0 || !RefeedRepaired(body, ref bodyLength, ref hash))
        {
            return verdict;
        }
        _keyRepairs += moved;
        return CheckCurrentBar(rules);
    }

    /// <summary>The bar in progress's event tokens, copied into the spare body buffer for a repair; the bar decoded into _bar.</summary>
    private Span<int> WrittenBody()
    {
        ReadOnlySpan<int> written = _window.Tokens[(_window.CurrentBarStart + _promptLength)..];
        Span<int> body = _bestBody.AsSpan(0, written.Length);
        written.CopyTo(body);
        _decoder.Decode(_window.Tokens[_window.CurrentBarStart..], Header, _bar);
        return body;
    }

    /// <summary>Feeds a repaired bar in place of the written one; false, changing nothing, when the repair made it a copy.</summary>
    private bool RefeedRepaired(ReadOnlySpan<int> body, ref int bodyLength, ref ulong hash)
    {
        int eventsStart = FirstPosition(body);
        ulong repaired = eventsStart < body.Length ? BarFingerprint.Hash(body[eventsStart..]) : 0UL;
        if (IsCopy(repaired))
        {
            return false;
        }
        RollBack();
        for (int i = 0; i < body.Length; i++)
        {
            Feed(body[i], body.Length - i);
        }
        (bodyLength, hash) = (body.Length, repaired);
        return true;
    }

    /// <summary>Decodes the bar in progress into the reused bar object and checks it against the part's rules.</summary>
    private MusicalVerdict CheckCurrentBar(MusicalRules rules)
    {
        _decoder.Decode(_window.Tokens[_window.CurrentBarStart..], Header, _bar);
        _musicalChecks++;
        return rules.Check(_bar.Chords, _bar.Notes, _bar.TimeSignature, _memory, Settings.MusicalGuard.BeatOneGrace);
    }

    private void CountRejections(MusicalRule broken, int count)
    {
        if ((broken & MusicalRule.BeatOne) != 0)
            _beatOneRejections += count;
        if ((broken & MusicalRule.StrongBeat) != 0)
            _strongBeatRejections += count;
        if ((broken & MusicalRule.OutOfKey) != 0)
            _outOfKeyRejections += count;
    }

    /// <summary>The musical guard's best failing try of the bar in progress (its tokens are in _bestBody).</summary>
    private readonly record struct BestTry(int Length, ulong Hash, bool ClosedByBudget, MusicalVerdict Verdict);

    private bool IsCopy(ulong hash)
    {
        if (_index is null || hash == 0 || _previousHash == 0)
        {
            return false;
        }
        _checks++;
        return _index.ContainsPair(_partToken, _previousHash, hash);
    }

    /// <summary>Where a bar's events start (its length when it has none).</summary>
    private int FirstPosition(ReadOnlySpan<int> body)
    {
        int i = _v.IndexOfKind(body, TokenKind.Position);
        return i < 0 ? body.Length : i;
    }
}
