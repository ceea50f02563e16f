using Sideman.Editor.Model;
using Sideman.Engine;
using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Tests.Support;

/// <summary>A settable snapshot: starts at the parameters' defaults, stopped, with no chord, notes or messages.</summary>
public sealed class FakeSnapshot : IEditorSnapshot
{
    public FakeSnapshot()
    {
        for (int p = 0; p < Parts.Length; p++)
        {
            Parts[p] = new FakePart
            {
                VolumeDb = EngineParameters.PartVolumes[p].DefaultPlain,
                Pan = EngineParameters.PartPans[p].DefaultPlain,
            };
        }
    }

    public FakePart[] Parts { get; } = new FakePart[5];
    public List<string> NextChords { get; } = [];
    public List<string> Messages { get; } = [];

    public int StyleIndex { get; set; } = (int)EngineParameters.Style.DefaultPlain;
    public double Energy { get; set; } = EngineParameters.Energy.DefaultPlain;
    public ChordSourceMode Mode { get; set; } = ChordSourceMode.Follow;
    public string ChartText { get; set; } = "";
    public int SectionIndex { get; set; } = (int)EngineParameters.Section.DefaultPlain;
    public bool FillOn { get; set; }
    public bool EndingOn { get; set; }
    public double SwingPercent { get; set; } = EngineParameters.Swing.DefaultPlain;
    public double HumanizePercent { get; set; } = EngineParameters.Humanize.DefaultPlain;
    public int Seed { get; set; } = (int)EngineParameters.Seed.DefaultPlain;
    public string ChordNow { get; set; } = "";
    public int NextChordCount => NextChords.Count;
    public string NextChord(int index) => NextChords[index];
    public bool Playing { get; set; }
    public int PlayheadBar { get; set; }
    public double PlayheadBeat { get; set; }
    public int BeatsPerBar { get; set; } = 4;
    public int BarsAhead { get; set; } = (int)EngineParameters.Lookahead.DefaultPlain;
    public IPartView Part(BandPart part) => Parts[(int)part];
    public int StatusCount => Messages.Count;
    public string Status(int index) => Messages[index];
    public long GuardBarsChecked { get; set; }
    public long GuardCopiesRejected { get; set; }
}

public sealed class FakePart : IPartView
{
    public bool On { get; set; } = true;
    public bool Muted { get; set; }
    public bool Locked { get; set; }
    public double VolumeDb { get; set; }
    public double Pan { get; set; }
    public int PresetIndex { get; set; }
    public string SoundName { get; set; } = "Style default";
    public RollNote[] NoteArray { get; set; } = [];
    public ReadOnlySpan<RollNote> Notes => NoteArray;
}
