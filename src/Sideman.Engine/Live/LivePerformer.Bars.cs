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
    private void EnterBar(IPartEventSink band, int offset, long bar, double barStart, double from)
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
        // A bar written for N.C. (the band starting, or a player who held nothing a bar ago): its pitched parts wait
        // for the end of the grace window and take the bar for the chord held by then.
        bool writtenForNothing = !ChartActive && RequestedChord(bar).IsNoChord;
        _joinFrom = writtenForNothing ? from : double.NaN;
        for (int p = 0; p < Parts; p++)
        {
            PartVoice voice = _voices[p];
            if (!_s.Play[p] || (!double.IsNaN(_joinFrom) && voice.IsPitched))
            {
                voice.Rest();
                continue;
            }
            TakeBar(voice, bar, barStart, from, double.NegativeInfinity);
        }
        double grace = _s.GraceMs / 1000.0 * _tempo / 60.0;
        _requestAt = Math.Max(barStart + grace, from);
    }

    /// <summary>
    /// The bar was written for N.C.: once the grace window after its start has passed, the pitched parts take the bar
    /// written for the chord the player holds by then (asked for again; a bounce waits for it), and notes of it that
    /// fell before that moment sound at it: a chord struck a little late counts as struck on the bar line.
    /// </summary>
    private void JoinPitchedParts(double position)
    {
        double from = _joinFrom;
        _joinFrom = double.NaN;
        Request(_barIndex, _chord);
        for (int p = 0; p < Parts; p++)
        {
            PartVoice voice = _voices[p];
            if (voice.IsPitched && _s.Play[p])
                TakeBar(voice, _barIndex, _barStart, from, position);
        }
    }

    /// <summary>Double.NaN, or where the band started in this bar while the pitched parts wait to join.</summary>
    private double _joinFrom = double.NaN;

    /// <summary>A part takes bar <paramref name="bar"/> (or, late, repeats its previous one) and places its notes.</summary>
    private void TakeBar(PartVoice voice, long bar, double barStart, double from, double catchUp)
    {
        int p = (int)voice.Part;
        BandPart part = voice.Part;
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
        var groove = new GrooveSettings(_s.Swing, _s.Humanize, _tempo);
        voice.Schedule(barStart, _barLength, from, groove, DeterministicRng.For((ulong)(uint)_s.Seed ^ GrooveStream, bar, p), catchUp);
    }

    /// <summary>Keeps the humanize streams apart from the generator's, which use the plain seed.</summary>
    private const ulong GrooveStream = 0x6A09E667F3BCC909UL;
}
