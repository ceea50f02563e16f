namespace Sideman.Synth.SoundFont;

/// <summary>A preset's MIDI address: bank (128 = percussion) and program.</summary>
public readonly record struct PresetAddress(int Bank, int Program)
{
    public override string ToString() => $"{Bank}:{Program}";

    /// <summary>Parses "bank:program" (e.g. "128:40"). [main]</summary>
    public static bool TryParse(string? text, out PresetAddress address)
    {
        address = default;
        if (text == null) return false;
        int colon = text.IndexOf(':');
        if (colon <= 0) return false;
        if (!int.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int bank)
            || !int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int program)
            || bank > 16383 || program > 127)
            return false;
        address = new PresetAddress(bank, program);
        return true;
    }
}
