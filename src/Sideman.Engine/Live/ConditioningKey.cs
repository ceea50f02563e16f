using Sideman.Music.Patterns;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

/// <summary>
/// A 64-bit fingerprint (FNV-1a) of everything that decides one part's bar: bar number, style, key, tempo
/// bucket, metre, section, energy, seed, temperature, the part's take and the chords (key and chords only
/// for pitched parts: drums ignore them). Two requests with the
/// same key ask for the same bar, so the generator keeps a stored bar instead of writing it again (a loop plays
/// what it played), and an offline render waits for exactly the bar it asked for. Pure, allocation-free. [any]
/// </summary>
public static class ConditioningKey
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong For(in BarRequest r, BandPart part)
    {
        ulong h = Offset;
        h = Mix(h, (ulong)r.Bar);
        h = Mix(h, (ulong)(int)part);
        h = Mix(h, (ulong)r.Style);
        bool pitched = part != BandPart.Drums; // drums have no key and ignore chords
        h = Mix(h, pitched ? (ulong)r.KeyTonic : 0);
        h = Mix(h, (ulong)r.TempoBucket);
        h = Mix(h, (ulong)r.Signature.Numerator);
        h = Mix(h, (ulong)r.Signature.Denominator);
        h = Mix(h, (ulong)r.Section);
        h = Mix(h, (ulong)r.Energy);
        h = Mix(h, (ulong)r.Seed);
        h = Mix(h, BitConverter.SingleToUInt32Bits(r.Temperature));
        h = Mix(h, (ulong)r.Takes[(int)part]);
        int chords = pitched ? r.ChordCount : 0;
        h = Mix(h, (ulong)chords);
        for (int i = 0; i < chords; i++)
        {
            BarChord c = r.Chords[i];
            h = Mix(h, (ulong)c.Tick);
            h = Mix(h, (ulong)(c.Chord.Root + 1));
            h = Mix(h, (ulong)c.Chord.Quality);
            h = Mix(h, (ulong)c.Chord.BassInterval);
        }
        return h == 0 ? 1 : h; // 0 never names a bar
    }

    private static ulong Mix(ulong h, ulong value)
    {
        for (int i = 0; i < 8; i++)
        {
            h ^= value & 0xFF;
            h *= Prime;
            value >>= 8;
        }
        return h;
    }
}
