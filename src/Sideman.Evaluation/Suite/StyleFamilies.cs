namespace Sideman.Evaluation.Suite;

/// <summary>
/// Sorts the vocabulary's styles by what their drums should do. The "popular" styles of issue 11's backbeat
/// bound are <see cref="StyleFamily.Backbeat"/>: pop, rock, punk, funk, soul, hip-hop, house, disco, blues,
/// country and gospel, where a drummer puts the snare (clap in house and disco) on 2 and 4. Reggae, latin,
/// bossa, afro-cuban, jazz, New Orleans, afrobeat and world are kit styles whose backbeat is elsewhere or
/// absent: their drum figures are reported beside the human ones, and the kick bound applies where Groove has
/// them. Folk, hymn, baroque, classical, romantic, march and ragtime have no drum kit: their drums (generated
/// if the user leaves the part on) are reported, bound by nothing, and kept out of the band's accents. A style
/// in neither list counts as a kit style.
/// </summary>
public static class StyleFamilies
{
    private static readonly string[] Backbeat = ["pop", "rock", "punk", "funk", "soul", "hiphop", "house", "disco", "blues", "country", "gospel"];
    private static readonly string[] NoKit = ["folk", "hymn", "baroque", "classical", "romantic", "march", "ragtime"];

    public static StyleFamily Of(string style) =>
        Backbeat.Contains(style) ? StyleFamily.Backbeat : NoKit.Contains(style) ? StyleFamily.NoKit : StyleFamily.Kit;

    public static bool HasKit(string style) => Of(style) != StyleFamily.NoKit;
}
