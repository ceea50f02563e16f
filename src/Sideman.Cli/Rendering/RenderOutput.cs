using Sideman.Music.Audio;
using Sideman.Music.Midi;
using Sideman.Music.Midi.Files;
using Sideman.Music.Time;

namespace Sideman.Cli.Rendering;

/// <summary>
/// Writes a render's files: mix.wav (the main bus), drums/bass/keys/pad/arp.wav (the stem buses) and band.mid (the
/// band's notes from the event output, on their channels). Written into a temporary folder first and moved into
/// place file by file at the end, so a failed render never leaves files that look complete. [main]
/// </summary>
internal static class RenderOutput
{
    public static readonly string[] StemNames = ["drums", "bass", "keys", "pad", "arp"];
    public static IEnumerable<string> FileNames => ["mix.wav", .. StemNames.Select(s => s + ".wav"), "band.mid"];

    public const int MidiTicksPerQuarter = 960;

    public static void Write(string folder, int sampleRate, double tempo, TimeSignature signature, RenderResult result)
    {
        string parent = Path.GetDirectoryName(folder) ?? ".";
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(folder)}.partial-{Environment.ProcessId}");
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            WavFileWriter.Write(Path.Combine(staging, "mix.wav"), sampleRate, result.Mix);
            for (int p = 0; p < StemNames.Length; p++)
                WavFileWriter.Write(Path.Combine(staging, StemNames[p] + ".wav"), sampleRate, result.Stems[p]);
            MidiFileWriter.Write(Path.Combine(staging, "band.mid"), BandMidi(result.Output, sampleRate, tempo, signature));
            Directory.CreateDirectory(folder);
            foreach (string name in FileNames)
                File.Move(Path.Combine(staging, name), Path.Combine(folder, name), overwrite: true);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>The band's notes (channels 10, 2-5) as a format 1 file: a conductor track and one track per part.</summary>
    public static MidiFile BandMidi(IReadOnlyList<(long Sample, MidiEvent Event)> output, int sampleRate, double tempo, TimeSignature signature)
    {
        double ticksPerSample = MidiTicksPerQuarter * tempo / 60.0 / sampleRate;
        var conductor = new MidiTrack("Sideman band", [
            MidiFileEvent.Tempo(0, (int)Math.Round(60_000_000.0 / tempo)),
            MidiFileEvent.TimeSignature(0, signature.Numerator, signature.Denominator)]);
        var tracks = new List<MidiTrack> { conductor };
        int[] channels = [BandChannels.Drums, BandChannels.Bass, BandChannels.Keys, BandChannels.Pad, BandChannels.Arp];
        for (int p = 0; p < channels.Length; p++)
        {
            int channel = channels[p] - 1;
            var events = new List<MidiFileEvent>();
            foreach (var (sample, e) in output)
            {
                if (e.Channel != channel)
                    continue;
                long tick = (long)Math.Round(sample * ticksPerSample);
                if (e.Kind == MidiEventKind.NoteOn)
                    events.Add(MidiFileEvent.NoteOn(tick, channel, e.Key, Math.Clamp((int)Math.Round(e.Value * 127), 1, 127)));
                else if (e.Kind == MidiEventKind.NoteOff)
                    events.Add(MidiFileEvent.NoteOff(tick, channel, e.Key));
            }
            tracks.Add(new MidiTrack(char.ToUpperInvariant(StemNames[p][0]) + StemNames[p][1..], events));
        }
        return new MidiFile(1, MidiTicksPerQuarter, tracks);
    }
}
