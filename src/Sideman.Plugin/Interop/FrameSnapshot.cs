using System.Runtime.InteropServices;
using Sideman.Editor.Model;
using Sideman.Engine;
using Sideman.Engine.Band;
using Sideman.Plugin.Editor;
using Sideman.Synth.SoundFont;

namespace Sideman.Plugin.Interop;

/// <summary>
/// What the editor shows (<see cref="IEditorSnapshot"/>), on the controller's side: parameter values straight from
/// the controller (the values the host and the editor's own gestures set), the band's state from the processor's
/// latest frame. Texts are kept and made again only when they change, so a steady frame allocates nothing. [main]
/// </summary>
internal sealed class FrameSnapshot : IEditorSnapshot
{
    /// <summary>Status lines shown at most (the status line has room for a few).</summary>
    private const int MaxStatusLines = 8;

    private readonly EditorHostCalls _host;
    private readonly FramePart[] _parts = new FramePart[EditorAbi.Parts];
    private readonly TextCache[] _statusLines = new TextCache[MaxStatusLines];
    private readonly TextCache[] _nextChords = new TextCache[EditorAbi.NextChords];
    private SmEditorFrame _frame;
    private int _statusCount;
    private string? _note;

    public FrameSnapshot(EditorHostCalls host)
    {
        _host = host;
        for (int p = 0; p < _parts.Length; p++)
            _parts[p] = new FramePart(host, this, (BandPart)p);
        for (int i = 0; i < _statusLines.Length; i++)
            _statusLines[i] = new TextCache();
        for (int i = 0; i < _nextChords.Length; i++)
            _nextChords[i] = new TextCache();
        _frame.Status[0] = 0;
        _frame.ChordNow.Root = -1;
        _frame.BeatsPerBar = 4;
    }

    /// <summary>
    /// Takes the processor's latest frame (and the chart text when it changed); true when anything the editor shows
    /// from it differs from the frame before.
    /// </summary>
    public bool Take(in SmEditorFrame frame, string? chart)
    {
        bool changed = !MemoryMarshal.AsBytes(new ReadOnlySpan<SmEditorFrame>(in frame))
            .SequenceEqual(MemoryMarshal.AsBytes(new ReadOnlySpan<SmEditorFrame>(in _frame)));
        if (changed)
        {
            _frame = frame;
            for (int p = 0; p < _parts.Length; p++)
                _parts[p].Take(_frame.Notes[p], _frame.NoteCounts[p], _frame.SoundNames[p]);
            SplitStatus();
        }
        if (chart is not null && chart != ChartText)
        {
            ChartText = chart;
            changed = true;
        }
        return changed;
    }

    /// <summary>A message of the editor's own (a refused chart), shown after the processor's until the next one; null clears it.</summary>
    public void Note(string? message) => _note = message;

    public int StyleIndex => (int)_host.Plain(EngineParameters.Style);
    public double Energy => _host.Plain(EngineParameters.Energy);
    public ChordSourceMode Mode => (int)_host.Plain(EngineParameters.ChordSource) == Engine.Live.LiveBandChoices.Chart ? ChordSourceMode.Chart : ChordSourceMode.Follow;
    public string ChartText { get; private set; } = "";
    public int SectionIndex => (int)_host.Plain(EngineParameters.Section);
    public bool FillOn => _host.Plain(EngineParameters.Fill) >= 0.5;
    public bool EndingOn => _host.Plain(EngineParameters.Ending) >= 0.5;
    public double SwingPercent => _host.Plain(EngineParameters.Swing);
    public double HumanizePercent => _host.Plain(EngineParameters.Humanize);
    public int Seed => (int)_host.Plain(EngineParameters.Seed);

    public string ChordNow => ChordNames.Of(_frame.ChordNow.Root, _frame.ChordNow.Quality, _frame.ChordNow.BassInterval);

    public int NextChordCount => Mode == ChordSourceMode.Chart ? Math.Clamp(_frame.NextChordCount, 0, EditorAbi.NextChords) : 0;

    public string NextChord(int index)
    {
        if ((uint)index >= (uint)NextChordCount)
            return "";
        SmChord c = _frame.NextChords[index];
        return ChordNames.Of(c.Root, c.Quality, c.BassInterval);
    }

    public bool Playing => _frame.Playing != 0;
    public int PlayheadBar => (int)Math.Clamp(_frame.PlayheadBar, 0, int.MaxValue);
    public double PlayheadBeat => double.IsFinite(_frame.PlayheadBeat) ? Math.Max(0, _frame.PlayheadBeat) : 0;
    public int BeatsPerBar => Math.Clamp(_frame.BeatsPerBar, 1, 64);
    public int BarsAhead => (int)_host.Plain(EngineParameters.Lookahead);

    public IPartView Part(BandPart part) => _parts[(int)part];

    public int StatusCount => _statusCount + (_note is null ? 0 : 1);

    public string Status(int index) => index < _statusCount ? _statusLines[index].Text : index == _statusCount && _note is not null ? _note : "";

    public long GuardBarsChecked => _frame.GuardBarsChecked;
    public long GuardCopiesRejected => _frame.GuardCopiesRejected;

    private void SplitStatus()
    {
        ReadOnlySpan<char> rest = Utf16Text.Chars(_frame.Status);
        _statusCount = 0;
        while (rest.Length > 0 && _statusCount < MaxStatusLines)
        {
            int end = rest.IndexOf('\n');
            ReadOnlySpan<char> line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            if (line.IsWhiteSpace())
                continue;
            _statusLines[_statusCount++].Take(line.Trim());
        }
    }

    /// <summary>A part's lane: its switches and mix from the controller, its notes and user SoundFont from the frame.</summary>
    private sealed class FramePart(EditorHostCalls host, FrameSnapshot owner, BandPart part) : IPartView
    {
        private readonly int _p = (int)part;
        private readonly RollNote[] _notes = new RollNote[EditorAbi.RollNotes];
        private readonly TextCache _userSound = new();
        private int _count;

        public void Take(ReadOnlySpan<SmRollNote> notes, int count, ReadOnlySpan<ushort> userSound)
        {
            _count = Math.Clamp(count, 0, _notes.Length);
            for (int i = 0; i < _count; i++)
            {
                SmRollNote n = notes[i];
                _notes[i] = new RollNote(n.Bar, n.StartBeat, n.LengthBeats, n.Pitch, n.Velocity);
            }
            _userSound.Take(Utf16Text.Chars(userSound));
        }

        public bool On => host.Plain(EngineParameters.PartPlays[_p]) >= 0.5;
        public bool Muted => host.Plain(EngineParameters.PartMutes[_p]) >= 0.5;
        public bool Locked => host.Plain(EngineParameters.PartLocks[_p]) >= 0.5;
        public double VolumeDb => host.Plain(EngineParameters.PartVolumes[_p]);
        public double Pan => host.Plain(EngineParameters.PartPans[_p]);
        public int PresetIndex => (int)host.Plain(EngineParameters.PartPresets[_p]);

        public string SoundName => _userSound.Text.Length > 0 ? _userSound.Text : BandPresets.SoundLabel(part, PresetIndex, owner.StyleIndex);

        public ReadOnlySpan<RollNote> Notes => _notes.AsSpan(0, _count);
    }
}
