namespace Sideman.Synth.SoundFont;

/// <summary>
/// A SoundFont file is malformed or truncated. The message names the file, the chunk and the byte
/// offset where the problem was found, and says what to do next. This is the only exception the
/// reader raises for bad content; I/O failures (missing file, no permission) stay IOExceptions.
/// </summary>
public sealed class SoundFontFormatException : Exception
{
    public SoundFontFormatException(string source, string chunk, long offset, string problem)
        : base($"SoundFont '{source}' is damaged: chunk '{chunk}' at byte offset {offset}: {problem}. "
               + "Use an intact SF2 file (re-download or re-export it); Sideman keeps its bundled sound meanwhile.")
    {
        Source = source;
        Chunk = chunk;
        Offset = offset;
        Problem = problem;
    }

    /// <summary>The file name (or the name given for an in-memory stream).</summary>
    public new string Source { get; }

    /// <summary>The RIFF chunk id where the problem was found (e.g. "pbag").</summary>
    public string Chunk { get; }

    /// <summary>Byte offset from the start of the file.</summary>
    public long Offset { get; }

    public string Problem { get; }
}
