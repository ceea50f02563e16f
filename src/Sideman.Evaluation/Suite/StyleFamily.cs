namespace Sideman.Evaluation.Suite;

/// <summary>What a style expects of its drums, which decides the drum bounds that apply to it (see <see cref="StyleFamilies"/>).</summary>
public enum StyleFamily
{
    /// <summary>A popular drum-kit style with a backbeat: snare (or clap, or sidestick) on beats 2 and 4.</summary>
    Backbeat,

    /// <summary>A drum-kit style whose groove does not put the snare on 2 and 4 (reggae's one drop, clave and samba feels, swing).</summary>
    Kit,

    /// <summary>A style played without a drum kit (church, concert and parlour music): no drum expectation.</summary>
    NoKit,
}
