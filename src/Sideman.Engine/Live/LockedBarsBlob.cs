using System.Buffers.Binary;
using Sideman.Engine.State;
using Sideman.Music.Patterns;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

/// <summary>
/// The bars of the locked parts, saved with the song as the tagged state blob "BARS", so a song reopens playing
/// exactly what those parts played. Little-endian:
/// <code>
/// u16 version (1), u16 bar count,
/// per bar: u8 part, i64 bar, u64 key, u8 metre numerator, u8 denominator, u8 section, u8 energy,
///          u8 chord count, per chord: i16 tick, i8 root (-1 = N.C.), u8 quality, u8 bass interval,
///          u16 event count, per event: i16 tick, i8 micro-offset, u8 velocity, then
///              pitched: i8 octave, u8 degree, i8 alteration, i16 duration ticks;  drums: u8 GM note
/// </code>
/// Reading checks every field and refuses the whole blob, with the reason, at the first bad one.
/// </summary>
public static class LockedBarsBlob
{
    public const ushort Version = 1;

    public static uint Tag { get; } = StateBlob.MakeTag("BARS");

    /// <summary>The blob for these bars, or null when there are none. [main]</summary>
    public static StateBlob? Create(IReadOnlyList<BarSnapshot> bars)
    {
        if (bars.Count == 0)
            return null;
        var body = new MemoryStream();
        var w = new BinaryWriter(body);
        w.Write(Version);
        w.Write((ushort)Math.Min(bars.Count, ushort.MaxValue));
        foreach (BarSnapshot s in bars.Take(ushort.MaxValue))
        {
            w.Write((byte)s.Part);
            w.Write(s.Bar);
            w.Write(s.Key);
            w.Write((byte)s.Signature.Numerator);
            w.Write((byte)s.Signature.Denominator);
            w.Write((byte)s.Section);
            w.Write((byte)s.Energy);
            w.Write((byte)s.ChordCount);
            foreach (BarChord c in s.Chords)
            {
                w.Write((short)c.Tick);
                w.Write((sbyte)c.Chord.Root);
                w.Write((byte)(c.Chord.IsNoChord ? 0 : c.Chord.Quality));
                w.Write((byte)(c.Chord.IsNoChord ? 0 : c.Chord.BassInterval));
            }
            bool pitched = s.Part != BandPart.Drums;
            w.Write((ushort)(pitched ? s.NoteCount : s.HitCount));
            if (pitched)
            {
                foreach (PitchedEvent e in s.Notes)
                {
                    w.Write((short)e.Tick);
                    w.Write((sbyte)e.MicroOffset);
                    w.Write((byte)e.Velocity);
                    w.Write((sbyte)e.Pitch.Octave);
                    w.Write((byte)e.Pitch.Degree);
                    w.Write((sbyte)e.Pitch.Alteration);
                    w.Write((short)e.DurationTicks);
                }
            }
            else
            {
                foreach (DrumEvent e in s.Hits)
                {
                    w.Write((short)e.Tick);
                    w.Write((sbyte)e.MicroOffset);
                    w.Write((byte)e.Velocity);
                    w.Write((byte)e.GmNote);
                }
            }
        }
        w.Flush();
        return new StateBlob(Tag, body.ToArray());
    }

    /// <summary>The bars a blob holds, as snapshots of <paramref name="capacity"/> events; false with the reason when it is damaged. [main]</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, int capacity, out List<BarSnapshot> bars, out string? problem)
    {
        bars = [];
        problem = null;
        var r = new Reader(data);
        try
        {
            int version = r.U16();
            if (version != Version)
            {
                problem = version > Version ? $"the locked bars were saved by a newer Sideman (format {version}); update Sideman" : $"unknown locked-bars format {version}";
                return false;
            }
            int count = r.U16();
            var chords = new List<BarChord>();
            var notes = new List<PitchedEvent>();
            var hits = new List<DrumEvent>();
            for (int i = 0; i < count; i++)
            {
                int part = r.U8();
                if (part >= BandSynth.PartCount)
                    throw new FormatException($"bar {i}: part {part} does not exist");
                long bar = r.I64();
                ulong key = r.U64();
                int numerator = r.U8(), denominator = r.U8();
                if (!TimeSignature.IsValid(numerator, denominator))
                    throw new FormatException($"bar {i}: {numerator}/{denominator} is not a metre");
                int section = r.U8(), energy = r.U8();
                if (section > (int)SectionKind.Outro || energy > 4)
                    throw new FormatException($"bar {i}: section {section} or energy {energy} out of range");
                int chordCount = r.U8();
                if (chordCount > BarSnapshot.MaxChords)
                    throw new FormatException($"bar {i}: {chordCount} chords");
                chords.Clear();
                for (int c = 0; c < chordCount; c++)
                {
                    int tick = r.I16(), root = r.I8(), quality = r.U8(), bass = r.U8();
                    if (root < -1 || root > 11 || quality >= ChordQualityInfo.Count || bass > 11)
                        throw new FormatException($"bar {i}: chord {c} is not a chord");
                    chords.Add(new BarChord(tick, root < 0 ? ChordSymbol.NoChord : new ChordSymbol(root, (ChordQuality)quality, bass)));
                }
                int events = r.U16();
                if (events > capacity)
                    throw new FormatException($"bar {i}: {events} events, more than a bar holds ({capacity})");
                notes.Clear();
                hits.Clear();
                for (int e = 0; e < events; e++)
                {
                    int tick = r.I16(), micro = r.I8(), velocity = r.U8();
                    if (part != (int)BandPart.Drums)
                    {
                        int octave = r.I8(), degree = r.U8(), alteration = r.I8(), duration = r.I16();
                        if (octave is < ChordRelativePitch.MinOctave or > ChordRelativePitch.MaxOctave || degree is < 1 or > 7 || alteration is < -1 or > 1)
                            throw new FormatException($"bar {i}: note {e} is not a chord-relative pitch");
                        notes.Add(new PitchedEvent(tick, new ChordRelativePitch(octave, degree, alteration), Math.Max(1, duration), Math.Clamp(velocity, 1, 127), micro));
                    }
                    else
                    {
                        hits.Add(new DrumEvent(tick, r.U8(), Math.Clamp(velocity, 1, 127), micro));
                    }
                }
                var snapshot = new BarSnapshot((BandPart)part, capacity);
                snapshot.Fill(bar, key, new TimeSignature(numerator, denominator), (SectionKind)section, energy,
                    chords.ToArray(), notes.ToArray(), hits.ToArray());
                bars.Add(snapshot);
            }
            if (!r.AtEnd)
                throw new FormatException("bytes after the last bar");
            return true;
        }
        catch (FormatException ex)
        {
            bars = [];
            problem = "the saved locked bars are damaged: " + ex.Message;
            return false;
        }
    }

    /// <summary>Little-endian reads that refuse to run past the end.</summary>
    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public readonly bool AtEnd => _at == _data.Length;

        private ReadOnlySpan<byte> Take(int n)
        {
            if (_at + n > _data.Length)
                throw new FormatException("the blob ends in the middle of a bar");
            ReadOnlySpan<byte> s = _data.Slice(_at, n);
            _at += n;
            return s;
        }

        public int U8() => Take(1)[0];
        public int I8() => (sbyte)Take(1)[0];
        public int U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
        public int I16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));
        public long I64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));
        public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
    }
}
