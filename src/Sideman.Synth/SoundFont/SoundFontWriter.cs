using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Sideman.Synth.SoundFont;

/// <summary>
/// Writes a <see cref="SoundFontFile"/> as a standard SF2 (RIFF 'sfbk' with INFO, sdta, pdta and
/// every terminal record the spec asks for). Generators and modulators are written exactly as
/// they are held, so reading back gives the same records.
/// </summary>
public static class SoundFontWriter
{
    /// <summary>Writes the bank to a file (replacing it). [main]</summary>
    public static void Write(SoundFontFile file, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(file, stream);
    }

    /// <summary>Writes the bank to a stream. [main]</summary>
    public static void Write(SoundFontFile file, Stream stream)
    {
        var info = BuildInfo(file.Info, file.SampleData.Low24 != null);
        var pdta = BuildPresetData(file);
        long smplSize = 2L * file.SampleData.Length;
        long sm24Size = file.SampleData.Low24 == null ? 0 : file.SampleData.Length + (file.SampleData.Length & 1);
        long sdtaSize = 4 + 8 + smplSize + (sm24Size > 0 ? 8 + sm24Size : 0);
        long riffSize = 4 + (8 + info.Length) + (8 + sdtaSize) + (8 + pdta.Length);
        if (riffSize > uint.MaxValue) throw new InvalidOperationException("The SoundFont would exceed the 4 GB RIFF limit.");

        var w = new BinaryWriter(stream, Encoding.Latin1, leaveOpen: true);
        w.Write("RIFF"u8);
        w.Write((uint)riffSize);
        w.Write("sfbk"u8);

        w.Write("LIST"u8);
        w.Write((uint)info.Length);
        w.Write(info);

        w.Write("LIST"u8);
        w.Write((uint)sdtaSize);
        w.Write("sdta"u8);
        w.Write("smpl"u8);
        w.Write((uint)smplSize);
        WriteSamplePoints(w, file.SampleData.High);
        if (file.SampleData.Low24 is { } low)
        {
            w.Write("sm24"u8);
            w.Write((uint)sm24Size);
            w.Write(low);
            if ((low.Length & 1) != 0) w.Write((byte)0);
        }

        w.Write("LIST"u8);
        w.Write((uint)pdta.Length);
        w.Write(pdta);
        w.Flush();
    }

    private static void WriteSamplePoints(BinaryWriter w, short[] points)
    {
        if (BitConverter.IsLittleEndian)
        {
            w.Write(MemoryMarshal.AsBytes(points.AsSpan()));
            return;
        }
        foreach (short p in points) w.Write(p);
    }

    private static byte[] BuildInfo(SoundFontInfo info, bool has24Bit)
    {
        using var ms = new MemoryStream();
        var w = new BinaryWriter(ms, Encoding.Latin1);
        w.Write("INFO"u8);
        int minor = has24Bit ? Math.Max(info.VersionMinor, 4) : info.VersionMinor;
        w.Write("ifil"u8);
        w.Write(4u);
        w.Write((ushort)2);
        w.Write((ushort)minor);
        Text(w, "isng", string.IsNullOrEmpty(info.SoundEngine) ? "EMU8000" : info.SoundEngine);
        Text(w, "INAM", string.IsNullOrEmpty(info.Name) ? "Untitled" : info.Name);
        if (info.RomName != null) Text(w, "irom", info.RomName);
        if (info.RomVersionMajor is int rmaj)
        {
            w.Write("iver"u8);
            w.Write(4u);
            w.Write((ushort)rmaj);
            w.Write((ushort)(info.RomVersionMinor ?? 0));
        }
        if (info.CreationDate != null) Text(w, "ICRD", info.CreationDate);
        if (info.Engineers != null) Text(w, "IENG", info.Engineers);
        if (info.Product != null) Text(w, "IPRD", info.Product);
        if (info.Copyright != null) Text(w, "ICOP", info.Copyright);
        if (info.Comments != null) Text(w, "ICMT", info.Comments);
        if (info.Software != null) Text(w, "ISFT", info.Software);
        w.Flush();
        return ms.ToArray();
    }

    // INFO strings end in a zero byte and are padded to an even size.
    private static void Text(BinaryWriter w, string id, string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        int size = bytes.Length + 1;
        if ((size & 1) != 0) size++;
        w.Write(Encoding.Latin1.GetBytes(id));
        w.Write((uint)size);
        w.Write(bytes);
        for (int i = bytes.Length; i < size; i++) w.Write((byte)0);
    }

    private static byte[] BuildPresetData(SoundFontFile file)
    {
        var phdr = new MemoryStream();
        var pbag = new MemoryStream();
        var pmod = new MemoryStream();
        var pgen = new MemoryStream();
        int bagIndex = 0, genIndex = 0, modIndex = 0;
        foreach (var p in file.Presets)
        {
            var w = new BinaryWriter(phdr);
            Name(w, p.Name);
            w.Write((ushort)p.Program);
            w.Write((ushort)p.Bank);
            w.Write(Word(bagIndex, "preset bag"));
            w.Write(p.Library);
            w.Write(p.Genre);
            w.Write(p.Morphology);
            WriteZones(p.Zones, pbag, pgen, pmod, ref bagIndex, ref genIndex, ref modIndex);
        }
        var end = new BinaryWriter(phdr);
        Name(end, "EOP");
        end.Write((ushort)0);
        end.Write((ushort)0);
        end.Write(Word(bagIndex, "preset bag"));
        end.Write(0u);
        end.Write(0u);
        end.Write(0u);
        Terminals(pbag, pgen, pmod, genIndex, modIndex);

        var inst = new MemoryStream();
        var ibag = new MemoryStream();
        var imod = new MemoryStream();
        var igen = new MemoryStream();
        bagIndex = genIndex = modIndex = 0;
        foreach (var i in file.Instruments)
        {
            var w = new BinaryWriter(inst);
            Name(w, i.Name);
            w.Write(Word(bagIndex, "instrument bag"));
            WriteZones(i.Zones, ibag, igen, imod, ref bagIndex, ref genIndex, ref modIndex);
        }
        var endInst = new BinaryWriter(inst);
        Name(endInst, "EOI");
        endInst.Write(Word(bagIndex, "instrument bag"));
        Terminals(ibag, igen, imod, genIndex, modIndex);

        var shdr = new MemoryStream();
        var sw = new BinaryWriter(shdr);
        foreach (var s in file.Samples)
        {
            Name(sw, s.Name);
            sw.Write(s.Start);
            sw.Write(s.End);
            sw.Write(s.LoopStart);
            sw.Write(s.LoopEnd);
            sw.Write(s.SampleRate);
            sw.Write(s.OriginalPitch);
            sw.Write(s.PitchCorrection);
            sw.Write(s.Link);
            sw.Write((ushort)s.Type);
        }
        Name(sw, "EOS");
        sw.Write(new byte[46 - 20]);

        using var pdta = new MemoryStream();
        var pw = new BinaryWriter(pdta);
        pw.Write("pdta"u8);
        foreach (var (id, chunk) in new[]
                 {
                     ("phdr", phdr), ("pbag", pbag), ("pmod", pmod), ("pgen", pgen),
                     ("inst", inst), ("ibag", ibag), ("imod", imod), ("igen", igen), ("shdr", shdr),
                 })
        {
            pw.Write(Encoding.Latin1.GetBytes(id));
            pw.Write((uint)chunk.Length);
            pw.Write(chunk.ToArray());
        }
        pw.Flush();
        return pdta.ToArray();
    }

    private static void WriteZones(ZoneRecord[] zones, MemoryStream bags, MemoryStream gens, MemoryStream mods,
        ref int bagIndex, ref int genIndex, ref int modIndex)
    {
        var bw = new BinaryWriter(bags);
        var gw = new BinaryWriter(gens);
        var mw = new BinaryWriter(mods);
        foreach (var zone in zones)
        {
            bw.Write(Word(genIndex, "generator"));
            bw.Write(Word(modIndex, "modulator"));
            foreach (var g in zone.Generators)
            {
                gw.Write((ushort)g.Type);
                gw.Write(g.Amount);
            }
            foreach (var m in zone.Modulators)
            {
                mw.Write(m.Source);
                mw.Write(m.Destination);
                mw.Write(m.Amount);
                mw.Write(m.AmountSource);
                mw.Write(m.Transform);
            }
            genIndex += zone.Generators.Length;
            modIndex += zone.Modulators.Length;
            bagIndex++;
        }
    }

    private static void Terminals(MemoryStream bags, MemoryStream gens, MemoryStream mods, int genIndex, int modIndex)
    {
        var bw = new BinaryWriter(bags);
        bw.Write(Word(genIndex, "generator"));
        bw.Write(Word(modIndex, "modulator"));
        new BinaryWriter(gens).Write(0u);
        new BinaryWriter(mods).Write(new byte[10]);
    }

    private static ushort Word(int index, string what) =>
        index <= ushort.MaxValue
            ? (ushort)index
            : throw new InvalidOperationException($"Too many {what} records ({index}) for SF2's 16-bit indices.");

    private static void Name(BinaryWriter w, string name)
    {
        var bytes = new byte[20];
        int count = Encoding.Latin1.GetBytes(name.AsSpan(0, Math.Min(name.Length, 20)), bytes);
        _ = count;
        w.Write(bytes);
    }
}
