using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Model;

/// <summary>
/// Everything the editor shows, read once per frame. The plugin implements it over what the engine publishes
/// (parameter values, the live band's snapshots, the processor's status); the editor only reads.
/// Members must be cheap and must not allocate: they are read every frame.
/// [main] Read on the UI thread; an implementation never takes a lock that the audio thread takes.
/// </summary>
public interface IEditorSnapshot
{
    /// <summary>The step of <c>band.style</c> (index into <see cref="Sideman.Engine.Band.BandStyles.Names"/>).</summary>
    int StyleIndex { get; }

    /// <summary><c>band.energy</c>, 0..4.</summary>
    double Energy { get; }

    /// <summary><c>band.chords</c>: the chords the band follows come from the player or from the chart.</summary>
    ChordSourceMode Mode { get; }

    /// <summary>The chord chart as the user wrote it ("" when there is none).</summary>
    string ChartText { get; }

    /// <summary>The step of <c>band.section</c> (index into <see cref="Sideman.Engine.Live.LiveBandChoices.Sections"/>).</summary>
    int SectionIndex { get; }

    /// <summary><c>band.fill</c> is held on (a fill is asked for).</summary>
    bool FillOn { get; }

    /// <summary><c>band.ending</c>.</summary>
    bool EndingOn { get; }

    /// <summary><c>band.swing</c> and <c>band.humanize</c>, 0..100 %.</summary>
    double SwingPercent { get; }

    double HumanizePercent { get; }

    /// <summary><c>band.seed</c>, 0..9999.</summary>
    int Seed { get; }

    /// <summary>The chord the band follows now, as a symbol ("Cmaj7", "F/G"); "" when none (N.C.).</summary>
    string ChordNow { get; }

    /// <summary>How many chords of the chart come next (0 when following the player).</summary>
    int NextChordCount { get; }

    /// <summary>The next chords of the chart, 0 = the one after <see cref="ChordNow"/>.</summary>
    string NextChord(int index);

    /// <summary>The host's transport is playing.</summary>
    bool Playing { get; }

    /// <summary>The bar the playhead is in (song bars from 0) and the beat within it (0 ≤ beat &lt; <see cref="BeatsPerBar"/>).</summary>
    int PlayheadBar { get; }

    double PlayheadBeat { get; }

    int BeatsPerBar { get; }

    /// <summary>How many bars past the playing one the band has written (<c>band.lookahead</c>): the piano rolls show them.</summary>
    int BarsAhead { get; }

    /// <summary>A part's lane, by <see cref="BandPart"/>.</summary>
    IPartView Part(BandPart part);

    /// <summary>The messages the plugin already produces for the user (sounds loading or missing, late bars, a missing model), in words.</summary>
    int StatusCount { get; }

    string Status(int index);

    /// <summary>The originality guard since the plugin was loaded: bars it checked and sampled bars it rejected as copies.</summary>
    long GuardBarsChecked { get; }

    long GuardCopiesRejected { get; }
}
