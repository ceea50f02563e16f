using Sideman.Music.Patterns;

namespace Sideman.Model.Decoding;

/// <summary>
/// Which section a style's bars are conditioned on. The score-derived styles (the classical corpora, folk and
/// old-time tunes, Groove's world takes) reach the training data with every bar marked SEC none: only the style
/// library's renders (a style with a file in models/training/styles/) carry verse, chorus, fill and the rest. A
/// section the model never saw with a style is a prompt it cannot read (issue 11: pop drums asked for a verse
/// played what only house and bossa had played there), so those styles are always asked with SEC none.
/// </summary>
public static class StyleSections
{
    /// <summary>The vocabulary's styles without a style-library file (checked against the folder by a test).</summary>
    public static readonly IReadOnlySet<string> WithoutSections = new HashSet<string>(StringComparer.Ordinal)
    {
        "baroque", "classical", "romantic", "hymn", "march", "ragtime", "folk", "world",
    };

    /// <summary>The section to condition a bar of <paramref name="style"/> on when the song is in <paramref name="section"/>.</summary>
    public static SectionKind Conditioned(string style, SectionKind section) =>
        WithoutSections.Contains(style) ? SectionKind.None : section;
}
