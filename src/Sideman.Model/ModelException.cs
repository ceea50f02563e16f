namespace Sideman.Model;

/// <summary>A model could not be loaded or run. The message names the file and the problem and says what to do.</summary>
public sealed class ModelException : Exception
{
    public ModelException(ModelErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public ModelErrorKind Kind { get; }
}
