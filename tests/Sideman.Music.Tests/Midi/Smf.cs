namespace Sideman.Music.Tests.Midi;

/// <summary>Hand-assembled MIDI file bytes for reader tests: a header and raw track chunks.</summary>
internal static class Smf
{
    public static byte[] File(int format, int division, params byte[][] tracks)
    {
        var b = new List<byte>();
        b.AddRange("MThd"u8.ToArray());
        b.AddRange([0, 0, 0, 6, 0, (byte)format, 0, (byte)tracks.Length, (byte)(division >> 8), (byte)division]);
        foreach (byte[] t in tracks)
            b.AddRange(Chunk("MTrk", t));
        return [.. b];
    }

    public static byte[] Chunk(string id, byte[] body)
    {
        var b = new List<byte>(System.Text.Encoding.ASCII.GetBytes(id));
        b.AddRange([(byte)(body.Length >> 24), (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length]);
        b.AddRange(body);
        return [.. b];
    }

    public static readonly byte[] EndOfTrack = [0x00, 0xFF, 0x2F, 0x00];

    public static byte[] Track(params byte[] events) => [.. events, .. EndOfTrack];
}
