using System.Globalization;
using Sideman.Engine.Live.Chords;

namespace Sideman.Engine.Tests.Live;

/// <summary>Test voicings written as note names: "C4 E4 G4" (C4 = MIDI 60, C-1 = 0, G9 = 127).</summary>
internal static class Keys
{
    public static int[] Parse(string voicing) =>
        voicing.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Key).ToArray();

    public static int Key(string note)
    {
        int i = 0;
        int pc = note[i++] switch
        {
            'C' => 0, 'D' => 2, 'E' => 4, 'F' => 5, 'G' => 7, 'A' => 9, 'B' => 11,
            _ => throw new FormatException($"'{note}' does not start with a note name A-G"),
        };
        for (; i < note.Length && note[i] is '#' or 'b'; i++)
            pc += note[i] == '#' ? 1 : -1;
        int octave = int.Parse(note.AsSpan(i), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return (octave + 1) * 12 + pc;
    }

    public static HeldNotes Hold(IEnumerable<int> keys)
    {
        var held = new HeldNotes();
        foreach (int key in keys)
            held.Press(key);
        return held;
    }
}
