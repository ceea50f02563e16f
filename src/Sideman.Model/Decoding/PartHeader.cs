using Sideman.Music.Patterns;

namespace Sideman.Model.Decoding;

/// <summary>
/// What a part is, for the whole song: style (a STYLE name of vocab.json, e.g. "funk"), role, key
/// tonic (pitch class 0..11; -1 for drums: chord roots are written relative to it) and tempo bucket
/// (see <see cref="Tokens.Vocabulary.TempoBucket"/>). These become the sequence's first tokens.
/// </summary>
public readonly record struct PartHeader(string Style, PartRole Part, int KeyTonic, int TempoBucket)
{
    /// <summary>A header for <paramref name="part"/>; drums drop the key (they have none).</summary>
    public static PartHeader Create(string style, PartRole part, int keyTonic, int tempoBucket) =>
        new(style, part, PartRoles.IsPitched(part) ? keyTonic : -1, tempoBucket);
}
