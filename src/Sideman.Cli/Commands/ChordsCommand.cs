using System.CommandLine;
using System.Globalization;
using Sideman.Engine.Live;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Midi.Files;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Cli.Commands;

/// <summary>
/// <c>sideman chords</c>: writes what a player would play into Sideman for a chord chart: block chords on channel 1
/// (close voicings around middle C, the bass note an octave below), struck a little late and held almost to the
/// next chord, as a chords-only MIDI file for <c>sideman render</c>, <c>sideman-host render</c> or a DAW track.
/// </summary>
internal static class ChordsCommand
{
    public static Command Create()
    {
        var chart = new Option<string>("--chart") { Description = "The chord chart: \"C | Am7 | F G7 | C/E\" (% repeats a bar).", Required = true };
        var repeat = new Option<int>("--repeat") { Description = "Play the chart this many times.", DefaultValueFactory = _ => 1 };
        var tempo = new Option<double>("--tempo") { Description = "Tempo in BPM (written into the file).", DefaultValueFactory = _ => 120 };
        var metre = new Option<string>("--time-signature") { Description = "Metre, e.g. 4/4, 3/4, 6/8.", DefaultValueFactory = _ => "4/4" };
        var lateMs = new Option<double>("--late-ms") { Description = "How late after its beat each chord is struck (a player's looseness).", DefaultValueFactory = _ => 15 };
        var ending = new Option<bool>("--ending") { Description = "Strike the Ending keyswitch (B-1, MIDI 11) in the second-to-last bar: the band plays its last bar as an outro, then rests." };
        var output = new Option<string>("--out", "-o") { Description = "MIDI file to write.", DefaultValueFactory = _ => "chords.mid" };
        var command = new Command("chords", "Write a chords-only MIDI file from a chart (block chords on channel 1), to play into Sideman.")
        {
            chart, repeat, tempo, metre, lateMs, ending, output,
        };
        command.SetAction(r =>
        {
            try
            {
                string[] nd = r.GetValue(metre)!.Split('/');
                if (nd.Length != 2 || !int.TryParse(nd[0], CultureInfo.InvariantCulture, out int n) || !int.TryParse(nd[1], CultureInfo.InvariantCulture, out int d)
                    || !TimeSignature.IsValid(n, d))
                    throw new FormatException($"--time-signature '{r.GetValue(metre)}' is not a metre like 4/4 or 6/8");
                double bpm = r.GetValue(tempo);
                if (!(bpm >= 20 && bpm <= 999))
                    throw new ArgumentException("--tempo must be 20..999 BPM");
                int times = r.GetValue(repeat);
                if (times is < 1 or > 1000)
                    throw new ArgumentException("--repeat must be 1..1000");
                MidiFile file = Build(r.GetValue(chart)!, new TimeSignature(n, d), bpm, times, r.GetValue(lateMs), r.GetValue(ending));
                MidiFileWriter.Write(r.GetValue(output)!, file);
                Console.WriteLine($"Wrote {r.GetValue(output)}");
                return 0;
            }
            catch (Exception e) when (e is FormatException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"chords: {e.Message}");
                return RenderCommand.BadInput;
            }
        });
        return command;
    }

    public const int TicksPerQuarter = 480;

    /// <summary>The Ending keyswitch in the plugin's default keyswitch octave (C-1: B-1 = MIDI 11).</summary>
    public const int EndingKeyswitch = 11;

    public static MidiFile Build(string chart, TimeSignature signature, double bpm, int repeat, double lateMs, bool ending = false)
    {
        BarChord[][] bars = ChordChart.Parse(chart, signature);
        int late = (int)Math.Round(Math.Clamp(lateMs, 0, 200) / 1000 * bpm / 60 * TicksPerQuarter);
        long barTicks = (long)signature.TicksPerBar * TicksPerQuarter / PatternGrid.TicksPerQuarter;
        var events = new List<MidiFileEvent>();
        for (int i = 0; i < bars.Length * repeat; i++)
        {
            BarChord[] bar = bars[i % bars.Length];
            for (int c = 0; c < bar.Length; c++)
            {
                if (bar[c].Chord.IsNoChord)
                    continue;
                long start = i * barTicks + (long)bar[c].Tick * TicksPerQuarter / PatternGrid.TicksPerQuarter + late;
                long end = c + 1 < bar.Length ? i * barTicks + (long)bar[c + 1].Tick * TicksPerQuarter / PatternGrid.TicksPerQuarter : (i + 1) * barTicks;
                end = Math.Max(start + 1, end - TicksPerQuarter / 8); // lift the hand just before the next chord
                foreach (int key in Voicing(bar[c].Chord))
                {
                    events.Add(MidiFileEvent.NoteOn(start, 0, key, 80));
                    events.Add(MidiFileEvent.NoteOff(end, 0, key));
                }
            }
        }
        int barCount = bars.Length * repeat;
        if (ending && barCount >= 2)
        {
            long at = (barCount - 2) * barTicks + late;
            events.Add(MidiFileEvent.NoteOn(at, 0, EndingKeyswitch, 100));
            events.Add(MidiFileEvent.NoteOff(at + TicksPerQuarter / 4, 0, EndingKeyswitch));
        }
        var conductor = new MidiTrack("Sideman chords", [
            MidiFileEvent.Tempo(0, (int)Math.Round(60_000_000.0 / bpm)),
            MidiFileEvent.TimeSignature(0, signature.Numerator, signature.Denominator)], bars.Length * repeat * barTicks);
        return new MidiFile(1, TicksPerQuarter, [conductor, new MidiTrack("Chords", events, bars.Length * repeat * barTicks)]);
    }

    /// <summary>The chord tones in close position from the root at or above F3, and the bass (root or slash note) an octave below.</summary>
    private static List<int> Voicing(ChordSymbol chord)
    {
        int root = 53 + ((chord.Root - 5) % 12 + 12) % 12; // F3..E4
        var keys = new List<int> { root - 12 + chord.BassInterval };
        foreach (int interval in ChordQualityInfo.Intervals(chord.Quality))
            keys.Add(root + interval);
        return keys;
    }
}
