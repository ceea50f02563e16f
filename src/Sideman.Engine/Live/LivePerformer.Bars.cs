using Sideman.Engine.Band;
using Sideman.Model.Decoding;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

// Entering a bar: each part takes the bar the generator wrote for it (offline: waits for exactly the bar last
// asked for; live: takes what is there, or repeats its previous bar), places its notes in time, and the
// requests for the bars ahead are scheduled for the end of the grace window.
public sealed partial class LivePerformer
{
    /// <summary>
    /// Enters song bar <paramref name="bar"/>, which starts at quarter <paramref name="barStart"/>, at offset
    /// <paramref name="offset"/> (song position <paramref name="from"/>: later than the bar start when the band
    /// re-enters in the middle of a bar).
    /// </summary>
    private void EnterBar(IPartEventSink band, in BlockClock clock, int offset, long bar, double barStart, double from)
    {
        _barIndex = bar;
        _barStart = barStart;
        _barLength = _transport.QuarterNotesPerBar;
        _inBar = true;
        _chartChord = Music.Patterns.ChordSymbol.NoChord;
        _worker.Playhead = bar;
        CountBar();
        if (_partSwitchedOff != 0)
        {
            for (int p = 0; p < Parts; p++)
            {
                if ((_partSwitchedOff & (1 << p)) != 0)
                {
                    _voices[p].Silence(band, offset);
                    _voices[p].Forget();
                }
            }
            _partSwitchedOff = 0;
        }
        if (Ended(bar))
        {
            foreach (PartVoice v in _voices)
                v.Rest();
            _requestAt = double.NaN;
            return;
        }
        EnsureRequested(bar);
        var groove = new GrooveSettings(_s.Swing, _s.Humanize, _tempo);
        for (int p = 0; p < Parts; p++)
        {
            PartVoice voice = _voices[p];
            if (!_s.Play[p])
            {
                voice.Rest();
                continue;
            }
            var part = (BandPart)p;
            ulong key = RequestedKey(bar, part);
            bool locked = _s.Lock[p];
            // Live play takes the best bar there is; a bounce takes exactly the bar it asked for.
            bool anyKey = !_offline || locked || key == 0;
            bool got = WarmingUp ? voice.TryTake(_warmUpBars[p]) : voice.TryTake(_store, bar, key, anyKey);
            if (!got && !anyKey)
                got = WaitFor(voice, bar, key);
            if (!got)
            {
                // Late: the previous bar again, or (a part that has played nothing yet) the newest bar written.
                if (!voice.HasBar)
                    voice.TryTake(_store, _store.Newest(part), 0, anyKey: true);
                if (voice.HasBar)
                {
                    voice.Repeat(bar);
                    Interlocked.Increment(ref _lateBars);
                }
            }
            // The scatter has its own streams, apart from the generator's (seed, bar, part) ones.
            voice.Schedule(barStart, _barLength, from, groove, DeterministicRng.For((ulong)(uint)_s.Seed ^ GrooveStream, bar, p));
        }
        double grace = _s.GraceMs / 1000.0 * _tempo / 60.0;
        _requestAt = Math.Max(barStart + grace, from);
        _ = clock;
    }

    /// <summary>Keeps the humanize streams apart from the generator's, which use the plain seed.</summary>
    private const ulong GrooveStream = 0x6A09E667F3BCC909UL;
}
