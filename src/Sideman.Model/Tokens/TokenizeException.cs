namespace Sideman.Model.Tokens;

/// <summary>A pattern that the vocabulary cannot hold, or a token sequence the grammar rejects.</summary>
public sealed class TokenizeException : Exception
{
    public TokenizeException(string message) : base(message)
    {
    }
}
