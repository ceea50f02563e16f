namespace Sideman.Model.Originality;

/// <summary>An originality index file was refused. The message names the file and the problem and says what to do.</summary>
public sealed class OriginalityIndexException : Exception
{
    public OriginalityIndexException(OriginalityIndexErrorKind kind, string path, string problem, Exception? inner = null)
        : base($"originality index {path}: {problem}", inner)
    {
        Kind = kind;
        FilePath = path;
    }

    public OriginalityIndexErrorKind Kind { get; }

    public string FilePath { get; }
}
