using Sideman.Engine.Band;
using Sideman.Music.Patterns;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

// Form: the section each bar is written for (intro on start, the Section parameter or a keyswitch, a fill
// into a new section, an ending), its energy level (the parameter, pushed by the player's dynamics) and
// the key the model hears.
public sealed partial class LivePerformer
{
    /// <summary>Bars of intro when the transport starts with Intro on.</summary>
    public const int IntroBars = 2;

    private SectionKind _section = SectionKind.Verse;
    private SectionKind _previousSection = SectionKind.Verse;
    private long _sectionFrom = long.MinValue;
    private long _fillBar = long.MinValue;
    private long _endingBar = -1;
    private bool _ending;
    private long _introEnd = long.MinValue;
    private int _sectionVersion;
    private SectionKind _lastSectionParameter = SectionKind.Verse;
    private bool _lastEnding;
    private PartFlags _lastPlay;
    private int _keyTonic = -1;

    private void ResetSections()
    {
        _section = _previousSection = _lastSectionParameter = _s.Section;
        _sectionFrom = long.MinValue;
        _fillBar = long.MinValue;
        _endingBar = -1;
        _ending = false;
        _introEnd = long.MinValue;
        _lastEnding = _s.Ending;
        _lastPlay = _s.Play;
        _keyTonic = -1;
    }

    /// <summary>The transport started at <paramref name="bar"/>: an intro if asked for, no pending fill or ending.</summary>
    private void OnStart(long bar)
    {
        _introEnd = _s.Intro ? bar + IntroBars : long.MinValue;
        _fillBar = long.MinValue;
        _endingBar = -1;
        _ending = false;
        _sectionFrom = long.MinValue;
        _previousSection = _section;
        if (!_chord.IsNoChord)
            _keyTonic = _chord.Root;
        _sectionVersion++;
        Array.Clear(_records); // the chords held before this start no longer condition anything
    }

    /// <summary>Reacts to parameter edges: section changes, fill and ending, regenerate, parts switched off.</summary>
    private void TakeEdges(bool stopped, int triggers)
    {
        if (WarmingUp)
            triggers = 0; // warm-up automation must not change the song's takes or queue a fill
        if (_s.Section != _lastSectionParameter)
        {
            _lastSectionParameter = _s.Section;
            ChangeSection(_s.Section, stopped);
        }
        if (BandTriggers.Has(triggers, BandTriggers.FillBit) && !stopped)
            QueueFill();
        if (_s.Ending != _lastEnding)
        {
            if (_s.Ending && !stopped)
                QueueEnding();
            else if (!_s.Ending)
                CancelEnding();
        }
        _lastEnding = _s.Ending;
        for (int p = 0; p < Parts; p++)
        {
            if (BandTriggers.Has(triggers, BandTriggers.RegenerateBit((BandPart)p)))
                _takes[p]++;
            if (!_s.Play[p] && _lastPlay[p])
                _partSwitchedOff |= 1 << p;
            _lastPlay[p] = _s.Play[p];
        }
        CheckSettings();
    }

    private int _partSwitchedOff;

    /// <summary>A new section: with auto-fill, the next bar is a fill and the section starts on the bar after it.</summary>
    private void ChangeSection(SectionKind section, bool stopped)
    {
        if (section == _section && _sectionFrom == long.MinValue)
            return;
        _previousSection = stopped || !_inBar ? section : SectionFor(_barIndex + 1);
        _section = section;
        if (stopped || !_inBar)
        {
            _sectionFrom = long.MinValue;
        }
        else if (_s.AutoFill)
        {
            _fillBar = _barIndex + 1;
            _sectionFrom = _barIndex + 2;
        }
        else
        {
            _sectionFrom = _barIndex + 1;
        }
        _sectionVersion++;
    }

    private void QueueFill()
    {
        if (!_inBar)
            return;
        _fillBar = _barIndex + 1;
        _sectionVersion++;
    }

    private void QueueEnding()
    {
        if (!_inBar || _ending)
            return;
        _ending = true;
        _endingBar = _barIndex + 1;
        _sectionVersion++;
    }

    private void CancelEnding()
    {
        if (!_ending)
            return;
        _ending = false;
        _endingBar = -1;
        _sectionVersion++;
    }

    /// <summary>After the ending bar the band rests until the transport starts again or Ending is switched off.</summary>
    private bool Ended(long bar) => _ending && bar > _endingBar;

    /// <summary>The section bar <paramref name="bar"/> is written for.</summary>
    private SectionKind SectionFor(long bar)
    {
        if (_ending && bar == _endingBar)
            return SectionKind.Outro;
        if (bar == _fillBar)
            return SectionKind.Fill;
        if (bar < _introEnd)
            return SectionKind.Intro;
        return bar >= _sectionFrom ? _section : _previousSection;
    }

    /// <summary>The model's energy level: the Energy parameter, pushed by the player's dynamics as far as Follow My Dynamics allows.</summary>
    private int EnergyLevel()
    {
        double energy = _s.Energy + _s.FollowDynamics * DynamicsPush;
        return Math.Clamp((int)Math.Round(energy, MidpointRounding.AwayFromZero), 0, 4);
    }

    /// <summary>
    /// The key the model hears: in chart mode the chart's first chord (as <c>sideman generate</c> takes it); in
    /// follow mode the root of the first chord the player held, renewed when the transport starts.
    /// </summary>
    private int KeyTonic
    {
        get
        {
            if (ChartActive)
                return _chart!.KeyTonic;
            return _keyTonic >= 0 ? _keyTonic : 0;
        }
    }

    private bool ChartActive => _s.ChartMode && _chart is not null;
}
