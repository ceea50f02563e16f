using Sideman.Music.Patterns;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

// What the performer asks the generator for, and when: bar B+1 .. B+Lookahead once the grace window after bar
// B's line has passed (so a chord struck a little late still conditions them), the current bar on a relocation,
// and again whenever a setting that shapes the coming bars changes (those bars are regenerated).
public sealed partial class LivePerformer
{
    /// <summary>Bars of requests remembered (more than the longest lookahead).</summary>
    private const int RequestMemory = 16;
    /// <summary>How long an offline render waits for one bar before it plays on without it.</summary>
    private static readonly long OfflineTimeoutTicks = System.Diagnostics.Stopwatch.Frequency * 30;

    private readonly RequestRecord[] _records = new RequestRecord[RequestMemory];
    private RequestRecord _prepared;
    private PartTakes _takes;
    private ulong _settingsHash;

    /// <summary>The latest request for one bar: its keys per part and the player's chord it was conditioned on.</summary>
    private struct RequestRecord
    {
        public bool Valid;
        public long Bar;
        public ChordSymbol Chord;
        public PartKeys Keys;
    }

    [System.Runtime.CompilerServices.InlineArray(BandSynth.PartCount)]
    private struct PartKeys
    {
        private ulong _first;
    }

    private void ResetRequests()
    {
        Array.Clear(_records);
        _forecast.Clear();
        _prepared = default;
        _settingsHash = 0;
    }

    /// <summary>Asks for the bars after the current one: new ones for the chord expected there (the chord held now, or
    /// the progression's repeat, see <see cref="ChordForecast"/>); with <paramref name="reissue"/>, also those already
    /// asked for whose conditioning has changed since.</summary>
    private void RequestAhead(bool reissue)
    {
        if (!reissue)
            _forecast.Record(_barIndex, _chord);
        if (Ended(_barIndex + 1))
            return;
        for (int k = 1; k <= _s.Lookahead; k++)
        {
            long bar = _barIndex + k;
            ref RequestRecord record = ref Record(bar);
            if (record.Valid && record.Bar == bar)
            {
                if (reissue)
                    Request(bar, record.Chord);
            }
            else if (!reissue)
            {
                Request(bar, _forecast.Predict(bar, _barIndex, _chord));
            }
        }
    }

    private readonly ChordForecast _forecast = new();

    /// <summary>The bar being entered: asked for now if it never was (a relocation), and again if what shapes it has
    /// changed since (a metre change at its bar line), for the chord it was asked for.</summary>
    private void EnsureRequested(long bar)
    {
        ref RequestRecord record = ref Record(bar);
        Request(bar, record.Valid && record.Bar == bar ? record.Chord : _chord);
    }

    /// <summary>While stopped, keep the bar under the playhead written for what the player holds, so play starts with it.</summary>
    private void PrepareWhileStopped(in Transport.TransportState t)
    {
        double length = t.QuarterNotesPerBar;
        long bar = (long)Math.Round(HostBarStart(t, t.PositionQuarters) / length);
        _worker.Playhead = bar;
        BuildRequest(bar, _chord, out BarRequest request);
        PartKeys keys = KeysOf(request);
        if (_prepared.Valid && _prepared.Bar == bar && SameKeys(_prepared.Keys, keys, request.Parts))
            return;
        if (Enqueue(request))
            _prepared = new RequestRecord { Valid = true, Bar = bar, Chord = _chord, Keys = keys };
    }

    /// <summary>Sends the request for <paramref name="bar"/> unless the same was sent already.</summary>
    private void Request(long bar, ChordSymbol chord)
    {
        BuildRequest(bar, chord, out BarRequest request);
        PartKeys keys = KeysOf(request);
        ref RequestRecord record = ref Record(bar);
        if (record.Valid && record.Bar == bar && SameKeys(record.Keys, keys, request.Parts))
            return;
        if (!Enqueue(request))
            return; // no room: the bar is asked for again at the next chance
        record = new RequestRecord { Valid = true, Bar = bar, Chord = chord, Keys = keys };
    }

    private bool Enqueue(in BarRequest request)
    {
        if (WarmingUp)
            return true; // the JIT warm-up exercises the path; the generator never hears of it
        if (_requests.TryEnqueue(request))
            return true;
        if (!_offline)
        {
            Interlocked.Increment(ref _droppedRequests);
            return false;
        }
        // Offline, waiting is correct: the generator drains the ring.
        long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + OfflineTimeoutTicks;
        while (!_requests.TryEnqueue(request))
        {
            if (System.Diagnostics.Stopwatch.GetTimestamp() > deadline)
            {
                Interlocked.Increment(ref _droppedRequests);
                return false;
            }
            Thread.Sleep(1);
        }
        return true;
    }

    /// <summary>The player's chord the latest request for <paramref name="bar"/> was made for (N.C. when none was made).</summary>
    private ChordSymbol RequestedChord(long bar)
    {
        ref RequestRecord record = ref Record(bar);
        return record.Valid && record.Bar == bar ? record.Chord : ChordSymbol.NoChord;
    }

    /// <summary>The key the latest request for <paramref name="bar"/> gave <paramref name="part"/>, or 0 when none was made.</summary>
    private ulong RequestedKey(long bar, BandPart part)
    {
        ref RequestRecord record = ref Record(bar);
        return record.Valid && record.Bar == bar ? record.Keys[(int)part] : 0;
    }

    private void BuildRequest(long bar, ChordSymbol followChord, out BarRequest r)
    {
        r = default;
        r.Bar = bar;
        r.Style = _s.Style;
        r.KeyTonic = KeyTonic;
        r.TempoBucket = _composer.TempoBucket(_tempo);
        r.Signature = _composer.ModelSignature(_transport.Signature);
        r.Section = SectionFor(bar);
        r.Energy = EnergyLevel();
        r.Seed = _s.Seed;
        r.Temperature = _s.Temperature;
        r.Takes = _takes;
        int parts = 0;
        for (int p = 0; p < Parts; p++)
        {
            if (_s.Play[p] && !_s.Lock[p])
                parts |= 1 << p;
        }
        r.Parts = parts;
        if (ChartActive)
        {
            int count = Math.Min(_chart!.ChordCount(bar, r.Signature), BarSnapshot.MaxChords);
            for (int i = 0; i < count; i++)
                r.Chords[i] = _chart.ChordOf(bar, r.Signature, i);
            r.ChordCount = count;
        }
        else
        {
            // Nothing held is N.C. for the model too: asked with no chords it would invent a progression of its
            // own for a bar the pitched parts then rest in, and carry that invention on in its context.
            r.Chords[0] = new BarChord(0, followChord);
            r.ChordCount = 1;
        }
    }

    /// <summary>A hash of the settings that shape the coming bars; when it changes, they are asked for again.</summary>
    private ulong SettingsHash()
    {
        ulong h = 1469598103934665603UL;
        h = (h ^ (ulong)_s.Style) * 1099511628211UL;
        h = (h ^ (ulong)EnergyLevel()) * 1099511628211UL;
        h = (h ^ (ulong)_s.Seed) * 1099511628211UL;
        h = (h ^ BitConverter.SingleToUInt32Bits(_s.Temperature)) * 1099511628211UL;
        h = (h ^ (ulong)_sectionVersion) * 1099511628211UL;
        h = (h ^ (ulong)(uint)_s.Lookahead) * 1099511628211UL;
        h = (h ^ (ulong)(ChartActive ? (uint)_chart!.GetHashCode() : 0u)) * 1099511628211UL;
        h = (h ^ (ulong)KeyTonic) * 1099511628211UL;
        h = (h ^ (ulong)_composer.TempoBucket(_tempo)) * 1099511628211UL;
        h = (h ^ (ulong)(uint)_transport.Signature.Numerator << 8 ^ (ulong)(uint)_transport.Signature.Denominator) * 1099511628211UL;
        for (int p = 0; p < Parts; p++)
        {
            h = (h ^ (ulong)(uint)_takes[p]) * 1099511628211UL;
            h = (h ^ (_s.Play[p] ? 1UL : 0UL) ^ (_s.Lock[p] ? 2UL : 0UL)) * 1099511628211UL;
        }
        return h;
    }

    private bool _conditioningChanged;

    /// <summary>Notes a change of what shapes the coming bars (checked once per block).</summary>
    private void CheckSettings()
    {
        ulong h = SettingsHash();
        if (h != _settingsHash)
        {
            _settingsHash = h;
            _conditioningChanged = true;
        }
    }

    private PartKeys KeysOf(in BarRequest request)
    {
        PartKeys keys = default;
        for (int p = 0; p < Parts; p++)
            keys[p] = request.Wants((BandPart)p) ? ConditioningKey.For(request, (BandPart)p) : 0;
        return keys;
    }

    private static bool SameKeys(in PartKeys a, in PartKeys b, int parts)
    {
        for (int p = 0; p < Parts; p++)
        {
            if ((parts & (1 << p)) != 0 && a[p] != b[p])
                return false;
        }
        return true;
    }

    private ref RequestRecord Record(long bar) => ref _records[(int)(((bar % RequestMemory) + RequestMemory) % RequestMemory)];

    /// <summary>
    /// Offline only: waits until the generator has written exactly the bar last asked for. A failure of the
    /// generator or the timeout ends the wait; the part then repeats its previous bar.
    /// </summary>
    private bool WaitFor(PartVoice voice, long bar, ulong key)
    {
        long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + OfflineTimeoutTicks;
        var spin = new SpinWait();
        while (true)
        {
            if (voice.TryTake(_store, bar, key, anyKey: false))
                return true;
            if (_worker.HasFailed(voice.Part, key))
                return false;
            if (System.Diagnostics.Stopwatch.GetTimestamp() > deadline)
            {
                Interlocked.Increment(ref _timeouts);
                return false;
            }
            if (spin.Count < 10)
                spin.SpinOnce(sleep1Threshold: -1);
            else
                Thread.Sleep(1);
        }
    }
}
