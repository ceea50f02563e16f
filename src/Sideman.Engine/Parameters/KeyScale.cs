using System.Globalization;

namespace Sideman.Engine.Parameters;

/// <summary>A MIDI key 0..127 shown as a note name ("C-1" .. "G9", middle C = "C4"), plus "Off" at 128.</summary>
public sealed class KeyScale : ParameterScale
{
    public const int Off = 128;
    private static readonly string[] Names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    public override int StepCount => Off;

    public override double ToPlain(double normalized) => Math.Min(StepCount, Math.Floor(normalized * (StepCount + 1)));

    public override double ToNormalized(double plain) => Clamp01(Math.Round(plain) / StepCount);

    public override double Sanitize(double plain) => Math.Clamp(Math.Round(plain), 0, Off);

    public override string Format(double plain)
    {
        int key = (int)Math.Clamp(Math.Round(plain), 0, Off);
        return key == Off ? "Off" : Names[key % 12] + (key / 12 - 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Accepts "Off", a note name with octave ("F#3", "Bb2", "C-1") or a MIDI number.</summary>
    public override bool TryParse(string text, out double plain)
    {
        string t = text.Trim();
        plain = 0;
        if (string.Equals(t, "off", StringComparison.OrdinalIgnoreCase))
        {
            plain = Off;
            return true;
        }
        if (t.Length > 0 && char.IsAsciiDigit(t[0]))
            return TryParseNumber(t, out plain) && plain == Math.Floor(plain) && plain is >= 0 and <= Off;
        if (t.Length < 2)
            return false;
        int natural = char.ToUpperInvariant(t[0]) switch { 'C' => 0, 'D' => 2, 'E' => 4, 'F' => 5, 'G' => 7, 'A' => 9, 'B' => 11, _ => -1 };
        if (natural < 0)
            return false;
        int i = 1, accidental = 0;
        while (i < t.Length && t[i] is '#' or 'b')
            accidental += t[i++] == '#' ? 1 : -1;
        if (!int.TryParse(t.AsSpan(i), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int octave))
            return false;
        int key = (octave + 1) * 12 + natural + accidental;
        if (key is < 0 or > 127)
            return false;
        plain = key;
        return true;
    }
}
