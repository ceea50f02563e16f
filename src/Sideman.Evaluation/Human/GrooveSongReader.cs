using Sideman.Evaluation.Songs;
using Sideman.Music.Midi.Files;
using Sideman.Music.Patterns;

namespace Sideman.Evaluation.Human;

/// <summary>
/// A Groove take as heard, cut into bars as the data pipeline cuts it (extract_groove.py): bars of the metre
/// info.csv gives, from the file's first tick, as many as reach its last note; hits of notes the drum map
/// lacks are skipped; a trailing bar of two hits or fewer (the take's last crash) is dropped. Hits snap to
/// the sixteenth (<see cref="BeatGrid.Snap"/>) like generated ones.
/// </summary>
public static class GrooveSongReader
{
    public static HeardSong Read(string corpusRoot, GrooveTake take, DrumClasses drums)
    {
        ArgumentNullException.ThrowIfNull(take);
        ArgumentNullException.ThrowIfNull(drums);
        MidiFile file = MidiFileReader.Read(Path.Combine(corpusRoot, take.CorpusPath));
        if (file.TicksPerQuarter == 0)
            throw new MidiFileException(take.CorpusPath, "counts time in SMPTE frames; a Groove take counts ticks per quarter");
        double scale = (double)PatternGrid.TicksPerQuarter / file.TicksPerQuarter;
        var onsets = new List<(double Position, int Note, int Velocity)>();
        foreach (MidiTrack track in file.Tracks)
        {
            foreach (MidiFileEvent e in track.Events)
            {
                if (e.Kind == MidiFileEventKind.NoteOn)
                    onsets.Add((e.Tick * scale, e.Data1, e.Data2));
            }
        }
        int barLength = take.Metre.TicksPerBar;
        int barCount = onsets.Count == 0 ? 1 : (int)Math.Floor(onsets.Max(o => o.Position) / barLength + 1e-6) + 1;
        var perBar = new List<SongHit>[barCount];
        for (int i = 0; i < barCount; i++)
            perBar[i] = [];
        foreach (var (position, note, velocity) in onsets)
        {
            string? drum = drums.Of(note);
            long at = BeatGrid.Snap(position);
            long bar = at / barLength;
            if (drum is not null && bar < barCount)
                perBar[bar].Add(new SongHit((int)bar, (int)(at - bar * barLength), drum, velocity));
        }
        while (barCount > 1 && perBar[barCount - 1].Count <= 2)
            barCount--;
        var bars = new SongBar[barCount];
        for (int i = 0; i < barCount; i++)
            bars[i] = new SongBar(i, (long)i * barLength, take.Metre, -1, []);
        List<SongHit> hits = [.. perBar.Take(barCount).SelectMany(h => h)];
        return new HeardSong(take.Id, take.Style, seed: null, keyTonic: -1, bars, hits, new Dictionary<PartRole, IReadOnlyList<SongNote>>());
    }
}
