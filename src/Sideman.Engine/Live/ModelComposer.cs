using Sideman.Engine.Band;
using Sideman.Model.Decoding;
using Sideman.Music.Patterns;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

/// <summary>
/// <see cref="IBandComposer"/> over the token model: one <see cref="PartGenerator"/> per part, made from shared
/// <see cref="GeneratorAssets"/> (weights loaded once per process). A new style, key or tempo bucket starts the
/// part's song afresh under the new header; a new seed, take or temperature only changes how the next bars are
/// sampled. Every part's generator runs the musical guard (default settings unless the constructor is given others), so
/// a bar that breaks its part's rules is resampled live too. After the first bar of each part, writing a bar allocates nothing (except when the context window
/// slides, see <see cref="PartGenerator"/>). [generator]
/// </summary>
public sealed class ModelComposer : IBandComposer
{
    private const int Parts = BandSynth.PartCount;

    private readonly GeneratorAssets _assets;
    private readonly PartGenerator?[] _generators = new PartGenerator?[Parts];
    private readonly long[] _firstBar = new long[Parts];
    private readonly long[] _lastBar = new long[Parts];
    private readonly bool[] _hasContext = new bool[Parts];
    private readonly (int Seed, int Take, float Temperature)[] _sampling = new (int, int, float)[Parts];
    private readonly BarChord[] _chords = new BarChord[BarSnapshot.MaxChords];
    private readonly TimeSignature[] _known;
    private readonly MusicalGuardSettings _musicalGuard;

    /// <param name="assets">The model, vocabulary and index, shared.</param>
    /// <param name="musicalGuard">The musical guard's settings for every part (default: <see cref="MusicalGuardSettings.Default"/>).</param>
    public ModelComposer(GeneratorAssets assets, MusicalGuardSettings? musicalGuard = null)
    {
        ArgumentNullException.ThrowIfNull(assets);
        _assets = assets;
        _musicalGuard = musicalGuard ?? MusicalGuardSettings.Default;
        _musicalGuard.Validate();
        _known = KnownSignatures(assets);
        // The generator's bar budget bounds the events of a bar (each takes at least two tokens).
        MaxEventsPerBar = new GeneratorSettings().MaxBarTokens / 2 + 1;
    }

    public int MaxEventsPerBar { get; }

    /// <summary>[generator] The part's generator counters (tokens, slides, guard), or null before its first bar.</summary>
    public GenerationStats? Stats(BandPart part) => _generators[(int)part]?.Stats;

    public int TempoBucket(double bpm) => _assets.Vocabulary.TempoBucket(bpm);

    public TimeSignature ModelSignature(TimeSignature host)
    {
        TimeSignature best = TimeSignature.FourFour;
        double bestScore = double.MaxValue;
        foreach (TimeSignature s in _known)
        {
            if (s == host)
                return s;
            // Same bar length first (4/8 plays as 2/4), then the nearest length, then the same beat unit.
            double score = Math.Abs(s.QuarterNotesPerBar - host.QuarterNotesPerBar) * 10 + (s.Denominator == host.Denominator ? 0 : 1);
            if (score < bestScore)
            {
                bestScore = score;
                best = s;
            }
        }
        return best;
    }

    public void Write(BandPart part, in BarRequest request, ulong key, BarSnapshot output)
    {
        int p = (int)part;
        var role = (PartRole)p;
        string style = BandStyles.Ids[Math.Clamp(request.Style, 0, BandStyles.Ids.Count - 1)];
        var header = PartHeader.Create(style, role, request.KeyTonic, request.TempoBucket);
        PartGenerator generator = Prepare(p, header, request);
        try
        {
            Position(p, generator, request.Bar);
            int chords = PartRoles.IsPitched(role) ? Math.Min(request.ChordCount, _chords.Length) : 0;
            for (int i = 0; i < chords; i++)
                _chords[i] = request.Chords[i];
            var conditioning = new BarConditioning(request.Bar, request.Signature, request.Section, Math.Clamp(request.Energy, 0, 4),
                new ReadOnlyMemory<BarChord>(_chords, 0, chords));
            GeneratedBar bar = generator.Next(conditioning);
            CountGuard(p, generator.Stats);
            output.Fill(request.Bar, key, request.Signature, request.Section, conditioning.Energy, bar.Chords, bar.Notes, bar.Hits);
            if (!_hasContext[p])
                _firstBar[p] = request.Bar;
            _hasContext[p] = true;
            _lastBar[p] = request.Bar;
        }
        catch
        {
            _hasContext[p] = false; // the generator's state is unknown now: the next bar starts afresh
            throw;
        }
    }

    private readonly (long Checks, long Rejections)[] _guardSeen = new (long, long)[Parts];
    private long _guardChecks, _guardRejections;

    public long GuardBarsChecked => Interlocked.Read(ref _guardChecks);

    public long GuardCopiesRejected => Interlocked.Read(ref _guardRejections);

    /// <summary>[generator] Adds what the part's guard did since the last bar (a generator made anew counts from 0 again).</summary>
    private void CountGuard(int p, in GenerationStats stats)
    {
        (long checks, long rejections) = _guardSeen[p];
        if (stats.GuardChecks < checks || stats.GuardRejections < rejections)
            (checks, rejections) = (0, 0);
        Interlocked.Add(ref _guardChecks, stats.GuardChecks - checks);
        Interlocked.Add(ref _guardRejections, stats.GuardRejections - rejections);
        _guardSeen[p] = (stats.GuardChecks, stats.GuardRejections);
    }

    /// <summary>The part's generator under this header and sampling (made on first use; restarted on a new header).</summary>
    private PartGenerator Prepare(int p, PartHeader header, in BarRequest request)
    {
        var sampling = (request.Seed, request.Takes[p], request.Temperature);
        PartGenerator? generator = _generators[p];
        if (generator is null)
        {
            generator = _assets.CreatePart(header, Settings(sampling));
            _generators[p] = generator;
            _sampling[p] = sampling;
            _hasContext[p] = false;
            return generator;
        }
        if (generator.Header != header)
        {
            generator.Restart(header);
            _hasContext[p] = false;
        }
        if (_sampling[p] != sampling)
        {
            generator.Reconfigure(Settings(sampling));
            _sampling[p] = sampling;
        }
        return generator;
    }

    /// <summary>Makes the context end just before <paramref name="bar"/>: continue, rewind, or start afresh.</summary>
    private void Position(int p, PartGenerator generator, long bar)
    {
        if (_hasContext[p] && bar == _lastBar[p] + 1)
            return;
        if (_hasContext[p] && bar >= _firstBar[p] && bar <= _lastBar[p] && generator.RollBack((int)(_lastBar[p] - bar + 1)))
        {
            _lastBar[p] = bar - 1;
            if (bar == _firstBar[p])
                _hasContext[p] = false;
            return;
        }
        generator.Restart();
        _hasContext[p] = false;
    }

    private GeneratorSettings Settings((int Seed, int Take, float Temperature) s) => new()
    {
        // A take is another stream of the same seed: mixed in so takes never collide with other seeds.
        Seed = (ulong)(uint)s.Seed | ((ulong)(uint)s.Take << 32),
        Sampling = SamplingSettings.Default with { Temperature = s.Temperature },
        MusicalGuard = _musicalGuard,
    };

    private static TimeSignature[] KnownSignatures(GeneratorAssets assets)
    {
        var list = new List<TimeSignature>();
        for (int n = 1; n <= 16; n++)
        {
            foreach (int d in (int[])[2, 4, 8])
            {
                if (assets.Vocabulary.TryTimeSignature(new TimeSignature(n, d), out _))
                    list.Add(new TimeSignature(n, d));
            }
        }
        return list.Count > 0 ? [.. list] : [TimeSignature.FourFour];
    }

    public void Dispose()
    {
        for (int p = 0; p < Parts; p++)
        {
            _generators[p]?.Dispose();
            _generators[p] = null;
        }
    }
}
