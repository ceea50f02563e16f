namespace Sideman.Music.Patterns;

/// <summary>
/// The song section a bar belongs to. <see cref="Fill"/> asks for a transition fill in that bar;
/// <see cref="None"/> means the section is unknown. Names match the SEC tokens of models/vocab.json.
/// </summary>
public enum SectionKind
{
    None,
    Intro,
    Verse,
    PreChorus,
    Chorus,
    Bridge,
    Solo,
    Fill,
    Outro,
}
