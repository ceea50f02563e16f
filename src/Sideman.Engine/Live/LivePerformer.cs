using Sideman.Engine.Band;
using Sideman.Engine.Live.Chords;
using Sideman.Engine.Processing;
using Sideman.Engine.Transport;
using Sideman.Music.Midi;
using Sideman.Music.Patterns;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

/// <summary>
/// The live band on the audio thread (<see cref="IBandPerformer"/>). Each block it follows the player's chords
/// through the block's own input, follows the host's musical position (bar lines are the host's, never a counter
/// of its own), enters each bar with the bar the generator wrote for it (or, in live play, the previous bar again
/// when the new one is late), and plays every note at its exact sample with the chord sounding at its onset.
/// A chord change re-voices what is sounding at the sample it arrives, so the band changes in the same block.
/// It asks the generator for the coming bars through a lock-free ring. No allocation, lock or wait, except that
/// an offline render waits for the bar it needs (with a timeout), which makes bounces exact. [audio]
/// </summary>
public sealed partial class LivePerformer : IBandPerformer
{
    private const int Parts = BandSynth.PartCount;
    /// <summary>Guards against a transport so odd that boundaries never advance (never reached in music).</summary>
    private const int MaxStepsPerBlock = 1 << 14;
    private const double Epsilon = 1e-9;

    private readonly BarStore _store;
    private readonly SpscRing<BarRequest> _requests;
    private readonly GeneratorWorker _worker;
    private readonly IBandComposer _composer;
    private readonly PartVoice[] _voices = new PartVoice[Parts];
    private readonly ChordTracker _tracker = new();

    private LiveSettings _s;
    private LiveChart? _chart;
    private bool _offline;
    private bool _playing;
    private bool _wasOn;
    private long _barIndex;
    private double _barStart;
    private double _barLength;
    private bool _inBar;
    private double _requestAt = double.NaN;
    private double _tempo = 120;
    private TransportState _transport;

    public LivePerformer(BarStore store, SpscRing<BarRequest> requests, GeneratorWorker worker, IBandComposer composer)
    {
        _store = store;
        _requests = requests;
        _worker = worker;
        _composer = composer;
        for (int p = 0; p < Parts; p++)
        {
            _voices[p] = new PartVoice((BandPart)p, composer.MaxEventsPerBar);
            _warmUpBars[p] = WarmUpBar((BandPart)p, composer.MaxEventsPerBar);
        }
        _s.Read(Sideman.Engine.EngineParameters.All.CreateDefaultPlainValues());
        ResetState();
    }

    /// <summary>[any] Bars a part had to repeat because the new one was not ready in time (live play).</summary>
    public long LateBars => Interlocked.Read(ref _lateBars);
    /// <summary>[any] Offline waits that ran out of time (the part repeated its previous bar).</summary>
    public long OfflineTimeouts => Interlocked.Read(ref _timeouts);
    /// <summary>[any] Requests the ring had no room for (retried at the next bar).</summary>
    public long DroppedRequests => Interlocked.Read(ref _droppedRequests);
    /// <summary>[audio] The chord the band plays over now.</summary>
    public ChordSymbol CurrentChord => _chord;

    /// <summary>
    /// [main] Set around activation's warm-up blocks: requests are not sent and every bar comes from a fixed warm-up
    /// pattern, so the warm-up runs every path of the band (for the JIT) and leaves the generator untouched.
    /// </summary>
    public bool WarmingUp { get; set; }

    private readonly BarSnapshot[] _warmUpBars = new BarSnapshot[Parts];

    /// <summary>A bar with notes on every beat and a sustained chord, for any bar number (the copy ignores the number).</summary>
    private static BarSnapshot WarmUpBar(BandPart part, int capacity)
    {
        var snapshot = new BarSnapshot(part, capacity);
        var notes = new List<PitchedEvent>();
        var hits = new List<DrumEvent>();
        for (int beat = 0; beat < 4; beat++)
        {
            hits.Add(new DrumEvent(beat * 24, 36 + 2 * (beat % 2), 100, beat - 1));
            notes.Add(new PitchedEvent(beat * 24 + 12, new ChordRelativePitch(0, 1 + 2 * (beat % 3), beat % 2 - (beat == 3 ? 1 : 0)), 12, 90, 1 - beat));
        }
        notes.Add(new PitchedEvent(0, new ChordRelativePitch(1, 3, 0), 96, 70));
        snapshot.Fill(0, 1, Music.Time.TimeSignature.FourFour, SectionKind.Verse, 2, [], part == BandPart.Drums ? [] : notes.ToArray(), part == BandPart.Drums ? hits.ToArray() : []);
        return snapshot;
    }

    private long _lateBars, _timeouts, _droppedRequests;

    /// <summary>[any] What the band is doing, published at the end of every block (for the editor).</summary>
    public PerformerView View { get; } = new();

    public void Perform(in BandBlock block, IPartEventSink band)
    {
        PerformBlock(block, band);
        PublishView(block.Transport);
    }

    /// <summary>The playhead as the band counts bars (the host's transport when the band is not in a bar) and the chord now.</summary>
    private void PublishView(in TransportState t)
    {
        int beatsPerBar = t.Signature.Numerator;
        double beatsPerQuarter = t.Signature.Denominator / 4.0;
        long bar;
        double quarters;
        if (_inBar && _playing)
        {
            bar = _barIndex;
            quarters = t.PositionQuarters - _barStart;
        }
        else
        {
            double length = t.QuarterNotesPerBar;
            double start = HostBarStart(t, t.PositionQuarters);
            bar = length > 0 ? (long)Math.Round(start / length) : 0;
            quarters = t.PositionQuarters - start;
        }
        double beat = Math.Clamp(quarters * beatsPerQuarter, 0, Math.Max(0, beatsPerBar - 1e-6));
        ChordSymbol chord = ChartActive ? _chartChord : _chord;
        View.Publish(new PerformerMoment(t.IsPlaying, bar, double.IsFinite(beat) ? beat : 0, beatsPerBar, chord));
    }

    private void PerformBlock(in BandBlock block, IPartEventSink band)
    {
        _s.Read(block.Parameters);
        _chart = block.Chart;
        _transport = block.Transport;
        _tempo = block.Transport.Tempo;
        _offline = block.Mode == ProcessMode.Offline;
        _worker.Deterministic = _offline;
        int n = block.SampleCount;
        ReadInput(block.Input, n);
        TransportState t = block.Transport;
        bool on = _s.BandOn;
        if (!on || !t.IsPlaying || n <= 0)
        {
            if (_playing || (_wasOn && !on))
                StopAll(band, 0);
            _playing = false;
            _inBar = false;
            _wasOn = on;
            ConsumeTimeline();
            TakeEdges(stopped: true, block.Triggers);
            if (on && n > 0)
                PrepareWhileStopped(t);
            return;
        }
        _wasOn = true;
        TakeEdges(stopped: false, block.Triggers);

        bool relocate = !_playing || t.Change is TransportChange.Started or TransportChange.Jumped or TransportChange.Looped;
        var clock = new BlockClock(0, t.PositionQuarters, t.SamplesPerQuarter);
        if (relocate)
        {
            StopAll(band, 0);
            ApplyTimeline(band, 0, clock);
            Relocate(band, 0, t.PositionQuarters, HostBarStart(t, t.PositionQuarters), started: !_playing || t.Change == TransportChange.Started);
        }
        else
        {
            // Before a bar line the host moved (a metre change) is followed: the bar entered there is asked for anew.
            if (_conditioningChanged)
                RequestAhead(reissue: true);
            FollowHostBar(band, t);
        }
        _conditioningChanged = false;
        _playing = true;

        int wrap = WrapOffset(t, clock, n);
        if (wrap >= 0)
        {
            PlaySpan(band, clock, 0, wrap);
            StopAll(band, wrap);
            var looped = new BlockClock(wrap, t.CycleStartQuarters, t.SamplesPerQuarter);
            ApplyTimeline(band, wrap, looped);
            Relocate(band, wrap, t.CycleStartQuarters, HostBarStart(t, t.CycleStartQuarters), started: false);
            PlaySpan(band, looped, wrap, n);
        }
        else
        {
            PlaySpan(band, clock, 0, n);
        }
        ConsumeTimeline();
    }

    public bool Consumes(in MidiEvent input) => IsKeyswitch(input);

    public void Reset()
    {
        foreach (PartVoice v in _voices)
        {
            v.Forget();
        }
        _tracker.Reset();
        ResetState();
    }

    private void ResetState()
    {
        _playing = false;
        _wasOn = false;
        _inBar = false;
        _requestAt = double.NaN;
        _chord = ChordSymbol.NoChord;
        ResetRequests();
        ResetSections();
        ResetInput();
    }

    /// <summary>Plays offsets [<paramref name="from"/>, <paramref name="to"/>) where the song runs straight on.</summary>
    private void PlaySpan(IPartEventSink band, BlockClock clock, int from, int to)
    {
        int x = from;
        for (int step = 0; x < to && step < MaxStepsPerBlock; step++)
        {
            ApplyTimeline(band, x, clock);
            double position = clock.PositionAt(x);
            // Boundaries are compared as sample offsets (the first sample at or after them), everywhere the same way.
            int request = double.IsNaN(_requestAt) ? int.MaxValue : clock.OffsetOf(_requestAt);
            if (x >= request)
            {
                _requestAt = double.NaN;
                request = int.MaxValue;
                if (!double.IsNaN(_joinFrom))
                    JoinPitchedParts(position);
                RequestAhead(reissue: false);
            }
            double barEnd = _barStart + _barLength;
            int barLine = clock.OffsetOf(barEnd);
            if (x >= barLine)
            {
                EnterBar(band, x, _barIndex + 1, barEnd, Math.Max(barEnd, position));
                continue;
            }
            int y = Math.Min(to, barLine);
            y = Math.Min(y, NextTimelineOffset());
            y = Math.Min(y, request);
            double chartChange = NextChartChange(position);
            if (!double.IsNaN(chartChange))
                y = Math.Min(y, clock.OffsetOf(chartChange));
            if (y <= x)
                y = x + 1; // a boundary inside this sample: play the sample, handle the boundary next
            y = Math.Min(y, to);
            ChordSymbol chord = ChordAt(position, out bool changed);
            if (changed)
                RevoiceAll(band, x, position, chord);
            for (int p = 0; p < Parts; p++)
            {
                if (_s.Play[p])
                    _voices[p].Play(band, clock, x, y, chord, _barStart, _s.Octave[p]);
            }
            x = y;
        }
    }

    /// <summary>The playhead moved (start, jump, loop): enter the bar holding <paramref name="position"/> from there.</summary>
    private void Relocate(IPartEventSink band, int offset, double position, double barStart, bool started)
    {
        double barLength = _transport.QuarterNotesPerBar;
        long bar = (long)Math.Round(barStart / barLength);
        if (started)
            OnStart(bar);
        _inBar = false;
        EnterBar(band, offset, bar, barStart, position);
    }

    /// <summary>Keeps bar lines on the host's: when the host's bar start differs from ours (a metre change, a host
    /// that counts bars its own way), the host wins.</summary>
    private void FollowHostBar(IPartEventSink band, in TransportState t)
    {
        if (!_inBar)
            return;
        double hostStart = t.BarStartQuarters;
        if (Math.Abs(hostStart - _barStart) <= 1e-6)
            return;
        if (hostStart > _barStart && t.PositionQuarters >= hostStart - Epsilon)
        {
            EnterBar(band, 0, _barIndex + 1, hostStart, t.PositionQuarters);
            return;
        }
        if (hostStart < _barStart && t.PositionQuarters >= hostStart)
        {
            // We moved on early (the bar got longer): stay in the host's bar until it ends.
            _barStart = hostStart;
            _barLength = t.QuarterNotesPerBar;
        }
    }

    /// <summary>
    /// Where the host's loop wraps inside this block (-1: it does not), on the same sample grid as every other
    /// boundary: a cycle end a hair before the block start wraps at offset 0, not one sample in.
    /// </summary>
    private static int WrapOffset(in TransportState t, in BlockClock clock, int sampleCount)
    {
        if (!t.CycleActive || t.PositionQuarters >= t.CycleEndQuarters)
            return -1;
        int offset = clock.OffsetOf(t.CycleEndQuarters);
        return offset < sampleCount ? Math.Max(0, offset) : -1;
    }

    private static double HostBarStart(in TransportState t, double position)
    {
        double length = t.QuarterNotesPerBar;
        double start = t.BarStartQuarters;
        if (position >= start - Epsilon && position < start + length + Epsilon)
            return start;
        return Math.Floor(position / length + 1e-9) * length;
    }

    private void StopAll(IPartEventSink band, int offset)
    {
        foreach (PartVoice v in _voices)
            v.Silence(band, offset);
    }

    private void RevoiceAll(IPartEventSink band, int offset, double position, ChordSymbol chord)
    {
        double grace = _s.GraceMs / 1000.0 * _tempo / 60.0;
        for (int p = 0; p < Parts; p++)
        {
            if (_s.Play[p])
                _voices[p].Revoice(band, offset, position, chord, grace, _s.Octave[p]);
        }
    }
}
