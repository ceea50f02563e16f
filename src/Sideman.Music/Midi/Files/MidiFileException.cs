namespace Sideman.Music.Midi.Files;

/// <summary>A Standard MIDI File could not be read or written. The message names the file and, for reading, the byte offset.</summary>
public sealed class MidiFileException : Exception
{
    public MidiFileException(string fileName, long offset, string problem)
        : base($"MIDI file {fileName}: at byte {offset}: {problem}")
    {
        FileName = fileName;
        Offset = offset;
    }

    public MidiFileException(string fileName, string problem, Exception? inner = null)
        : base($"MIDI file {fileName}: {problem}", inner)
    {
        FileName = fileName;
        Offset = -1;
    }

    public string FileName { get; }

    /// <summary>Where in the file the problem is, or -1 when it is not about one place.</summary>
    public long Offset { get; }
}
