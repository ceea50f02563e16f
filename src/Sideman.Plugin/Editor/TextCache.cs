namespace Sideman.Plugin.Editor;

/// <summary>
/// One text the editor shows, taken from a UTF-16 buffer each frame: the string is made again only when the
/// characters change, so a steady frame allocates nothing. [main]
/// </summary>
internal sealed class TextCache
{
    public string Text { get; private set; } = "";

    /// <summary>The text of <paramref name="characters"/>: the kept string when they are the same as last time.</summary>
    public string Take(ReadOnlySpan<char> characters)
    {
        if (!characters.SequenceEqual(Text.AsSpan()))
            Text = characters.Length == 0 ? "" : new string(characters);
        return Text;
    }
}
