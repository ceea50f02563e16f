using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Band;

/// <summary>
/// The SoundFont banks the audio thread plays, as one immutable object published with a single
/// reference exchange: the bundled bank (null while loading or when it is missing) and, per part,
/// the user's own bank when one loaded. Banks themselves are immutable and may be shared.
/// </summary>
public sealed class PartBanks
{
    private readonly SoundFontBank?[] _userBanks;

    public PartBanks(SoundFontBank? bundled, IReadOnlyList<SoundFontBank?>? userBanks = null)
    {
        Bundled = bundled;
        _userBanks = new SoundFontBank?[BandSynth.PartCount];
        for (int p = 0; p < _userBanks.Length && userBanks is not null && p < userBanks.Count; p++)
            _userBanks[p] = userBanks[p];
    }

    /// <summary>Nothing loaded yet: every part silent.</summary>
    public static PartBanks None { get; } = new(null);

    public SoundFontBank? Bundled { get; }

    /// <summary>The user's bank for a part, or null when the part plays the bundled sound.</summary>
    public SoundFontBank? UserBank(BandPart part) => _userBanks[(int)part];

    /// <summary>[audio] The bank a part plays: the user's if loaded, else the bundled one.</summary>
    public SoundFontBank? For(BandPart part) => _userBanks[(int)part] ?? Bundled;
}
