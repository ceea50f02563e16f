using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;

namespace Sideman.Synth.SoundFont;

/// <summary>
/// Reads SoundFont 2 files (RIFF 'sfbk': INFO, sdta, pdta). Every length and index is checked
/// against what the file really holds before it is used, so a damaged file gives a
/// <see cref="SoundFontFormatException"/> naming the chunk and byte offset, never an
/// out-of-range read or a huge allocation. Problems with a safe fallback (a bad loop, a sample
/// header pointing outside the data) become warnings instead.
/// </summary>
public static class SoundFontReader
{
    private const int PresetHeaderSize = 38;
    private const int BagSize = 4;
    private const int ModulatorSize = 10;
    private const int GeneratorSize = 4;
    private const int InstrumentHeaderSize = 22;
    private const int SampleHeaderSize = 46;
    private const int MaxInfoText = 65536;

    /// <summary>Upper bound on preset-zone × instrument-zone pairs; real banks use a few thousand.</summary>
    public const int MaxRegions = 500_000;

    /// <summary>Reads a SoundFont from a file. [main]</summary>
    public static SoundFontFile Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, path);
    }

    /// <summary>Reads a SoundFont from bytes in memory. [main]</summary>
    public static SoundFontFile Read(byte[] bytes, string sourceName)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return Read(stream, sourceName);
    }

    /// <summary>Reads a SoundFont from a seekable stream. [main]</summary>
    public static SoundFontFile Read(Stream stream, string sourceName)
    {
        if (!stream.CanSeek) throw new ArgumentException("The SoundFont stream must be seekable.", nameof(stream));
        try
        {
            return new Parser(stream, sourceName).Parse();
        }
        catch (EndOfStreamException)
        {
            // Only reachable if the stream's Length lied to us; report it like any truncation.
            throw new SoundFontFormatException(sourceName, "RIFF", stream.Length, "the file ended early while reading");
        }
    }

    private readonly record struct ChunkSpan(string Id, long Offset, long DataOffset, long Size);

    private sealed class Parser
    {
        private readonly Stream _stream;
        private readonly string _source;
        private readonly List<string> _warnings = new();
        private readonly byte[] _header = new byte[12];

        public Parser(Stream stream, string source)
        {
            _stream = stream;
            _source = source;
        }

        public SoundFontFile Parse()
        {
            long fileLength = _stream.Length;
            if (fileLength < 12) Fail("RIFF", 0, $"the file is {fileLength} bytes long, too short for a RIFF header");
            ReadAt(0, _header.AsSpan(0, 12));
            if (Id(_header, 0) != "RIFF") Fail("RIFF", 0, $"expected 'RIFF' but found '{Printable(Id(_header, 0))}' (not a SoundFont)");
            long riffSize = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(4));
            if (Id(_header, 8) != "sfbk") Fail("RIFF", 8, $"the RIFF form is '{Printable(Id(_header, 8))}', not 'sfbk' (not a SoundFont)");
            if (riffSize < 4 || 8 + riffSize > fileLength)
                Fail("RIFF", 4, $"the RIFF chunk declares {riffSize} bytes but the file holds {fileLength - 8} after the header (truncated)");
            long end = 8 + riffSize;

            ChunkSpan? info = null, sdta = null, pdta = null;
            foreach (var chunk in Chunks(12, end, "sfbk"))
            {
                if (chunk.Id != "LIST") continue;   // unknown top-level chunks are skipped, as RIFF allows
                if (chunk.Size < 4) Fail("LIST", chunk.Offset, "a LIST chunk is shorter than its 4-byte type");
                ReadAt(chunk.DataOffset, _header.AsSpan(0, 4));
                string type = Id(_header, 0);
                var body = new ChunkSpan(type, chunk.Offset, chunk.DataOffset + 4, chunk.Size - 4);
                switch (type)
                {
                    case "INFO": info ??= body; break;
                    case "sdta": sdta ??= body; break;
                    case "pdta": pdta ??= body; break;
                }
            }
            if (info == null) Fail("INFO", 12, "the mandatory LIST 'INFO' chunk is missing");
            if (sdta == null) Fail("sdta", 12, "the mandatory LIST 'sdta' chunk (sample data) is missing");
            if (pdta == null) Fail("pdta", 12, "the mandatory LIST 'pdta' chunk (presets) is missing");

            var soundFontInfo = ReadInfo(info!.Value);
            var data = ReadSampleData(sdta!.Value, soundFontInfo);
            return ReadPresetData(pdta!.Value, soundFontInfo, data);
        }

        // ---- INFO ------------------------------------------------------------------------

        private SoundFontInfo ReadInfo(ChunkSpan list)
        {
            var info = new SoundFontInfo { VersionMajor = 0, VersionMinor = 0 };
            bool sawVersion = false;
            foreach (var chunk in Chunks(list.DataOffset, list.DataOffset + list.Size, "INFO"))
            {
                switch (chunk.Id)
                {
                    case "ifil":
                    case "iver":
                    {
                        if (chunk.Size != 4) Fail(chunk.Id, chunk.Offset, $"a version chunk must be 4 bytes, not {chunk.Size}");
                        ReadAt(chunk.DataOffset, _header.AsSpan(0, 4));
                        int major = BinaryPrimitives.ReadUInt16LittleEndian(_header);
                        int minor = BinaryPrimitives.ReadUInt16LittleEndian(_header.AsSpan(2));
                        if (chunk.Id == "ifil")
                        {
                            info = info with { VersionMajor = major, VersionMinor = minor };
                            sawVersion = true;
                        }
                        else
                        {
                            info = info with { RomVersionMajor = major, RomVersionMinor = minor };
                        }
                        break;
                    }
                    case "isng": info = info with { SoundEngine = ReadText(chunk) }; break;
                    case "INAM": info = info with { Name = ReadText(chunk) }; break;
                    case "irom": info = info with { RomName = ReadText(chunk) }; break;
                    case "ICRD": info = info with { CreationDate = ReadText(chunk) }; break;
                    case "IENG": info = info with { Engineers = ReadText(chunk) }; break;
                    case "IPRD": info = info with { Product = ReadText(chunk) }; break;
                    case "ICOP": info = info with { Copyright = ReadText(chunk) }; break;
                    case "ICMT": info = info with { Comments = ReadText(chunk) }; break;
                    case "ISFT": info = info with { Software = ReadText(chunk) }; break;
                }
            }
            if (!sawVersion) Fail("ifil", list.DataOffset, "the mandatory version chunk 'ifil' is missing from INFO");
            if (info.VersionMajor != 2) Fail("ifil", list.DataOffset, $"this is SoundFont version {info.VersionMajor}.{info.VersionMinor}; only version 2.x is supported");
            return info;
        }

        private string ReadText(ChunkSpan chunk)
        {
            int size = (int)Math.Min(chunk.Size, MaxInfoText);
            if (chunk.Size > MaxInfoText) _warnings.Add($"INFO '{chunk.Id}' text is {chunk.Size} bytes; kept the first {MaxInfoText}.");
            var bytes = new byte[size];
            ReadAt(chunk.DataOffset, bytes);
            int zero = Array.IndexOf(bytes, (byte)0);
            return Encoding.Latin1.GetString(bytes, 0, zero < 0 ? size : zero);
        }

        // ---- sdta ------------------------------------------------------------------------

        private SampleData ReadSampleData(ChunkSpan list, SoundFontInfo info)
        {
            ChunkSpan? smpl = null, sm24 = null;
            foreach (var chunk in Chunks(list.DataOffset, list.DataOffset + list.Size, "sdta"))
            {
                if (chunk.Id == "smpl") smpl ??= chunk;
                else if (chunk.Id == "sm24") sm24 ??= chunk;
            }
            if (smpl == null)
            {
                _warnings.Add("The bank has no 'smpl' chunk; every sample is silent.");
                return new SampleData(Array.Empty<short>(), null);
            }
            var s = smpl.Value;
            if ((s.Size & 1) != 0) _warnings.Add($"'smpl' has an odd size ({s.Size}); the last byte is ignored.");
            long points = s.Size / 2;
            if (points > Array.MaxLength) Fail("smpl", s.Offset, $"{points} sample points exceed what can be held in memory");
            var high = new short[points];
            ReadAt(s.DataOffset, MemoryMarshal.AsBytes(high.AsSpan()));
            if (!BitConverter.IsLittleEndian)
            {
                for (int i = 0; i < high.Length; i++) high[i] = BinaryPrimitives.ReverseEndianness(high[i]);
            }

            byte[]? low = null;
            if (sm24 != null)
            {
                bool versionOk = info.VersionMajor > 2 || (info.VersionMajor == 2 && info.VersionMinor >= 4);
                long expected = points + (points & 1);   // one byte per point, padded to an even size
                if (!versionOk) _warnings.Add("'sm24' is ignored: the file's version is below 2.04.");
                else if (sm24.Value.Size != expected && sm24.Value.Size != points)
                    _warnings.Add($"'sm24' is ignored: it has {sm24.Value.Size} bytes but 'smpl' has {points} points.");
                else
                {
                    low = new byte[points];
                    ReadAt(sm24.Value.DataOffset, low);
                }
            }
            return new SampleData(high, low);
        }

        // ---- pdta ------------------------------------------------------------------------

        private SoundFontFile ReadPresetData(ChunkSpan list, SoundFontInfo info, SampleData data)
        {
            var found = new Dictionary<string, ChunkSpan>();
            foreach (var chunk in Chunks(list.DataOffset, list.DataOffset + list.Size, "pdta"))
            {
                found.TryAdd(chunk.Id, chunk);
            }

            var phdr = Records(found, "phdr", PresetHeaderSize, list);
            var pbag = Records(found, "pbag", BagSize, list);
            var pmod = Records(found, "pmod", ModulatorSize, list);
            var pgen = Records(found, "pgen", GeneratorSize, list);
            var inst = Records(found, "inst", InstrumentHeaderSize, list);
            var ibag = Records(found, "ibag", BagSize, list);
            var imod = Records(found, "imod", ModulatorSize, list);
            var igen = Records(found, "igen", GeneratorSize, list);
            var shdr = Records(found, "shdr", SampleHeaderSize, list);

            var samples = ReadSampleHeaders(shdr, data.Length);
            int instrumentCount = inst.Count - 1;
            var instruments = new InstrumentRecord[instrumentCount];
            for (int i = 0; i < instrumentCount; i++)
            {
                var r = inst.Record(i);
                string name = Name(r);
                int bagStart = BinaryPrimitives.ReadUInt16LittleEndian(r.Slice(20));
                int bagEnd = BinaryPrimitives.ReadUInt16LittleEndian(inst.Record(i + 1).Slice(20));
                var zones = ReadZones(inst, i, bagStart, bagEnd, ibag, igen, imod,
                    GeneratorType.SampleId, samples.Length);
                instruments[i] = new InstrumentRecord(name, zones);
            }

            int presetCount = phdr.Count - 1;
            long potentialRegions = 0;
            var presets = new PresetRecord[presetCount];
            for (int i = 0; i < presetCount; i++)
            {
                var r = phdr.Record(i);
                string name = Name(r);
                int program = BinaryPrimitives.ReadUInt16LittleEndian(r.Slice(20));
                int bank = BinaryPrimitives.ReadUInt16LittleEndian(r.Slice(22));
                int bagStart = BinaryPrimitives.ReadUInt16LittleEndian(r.Slice(24));
                int bagEnd = BinaryPrimitives.ReadUInt16LittleEndian(phdr.Record(i + 1).Slice(24));
                uint library = BinaryPrimitives.ReadUInt32LittleEndian(r.Slice(26));
                uint genre = BinaryPrimitives.ReadUInt32LittleEndian(r.Slice(30));
                uint morphology = BinaryPrimitives.ReadUInt32LittleEndian(r.Slice(34));
                var zones = ReadZones(phdr, i, bagStart, bagEnd, pbag, pgen, pmod,
                    GeneratorType.Instrument, instrumentCount);
                presets[i] = new PresetRecord(name, program, bank, library, genre, morphology, zones);
                potentialRegions += CountRegions(zones, instruments);
                if (potentialRegions > MaxRegions)
                    Fail("phdr", phdr.OffsetOf(i), $"preset '{name}' brings the bank to over {MaxRegions} preset×instrument zone pairs (corrupt zone indices)");
            }
            return new SoundFontFile(info, presets, instruments, samples, data, _warnings);
        }

        private static long CountRegions(ZoneRecord[] zones, InstrumentRecord[] instruments)
        {
            long count = 0;
            foreach (var zone in zones)
            {
                int? index = zone.TerminalIndex(GeneratorType.Instrument);
                if (index is int i && i < instruments.Length) count += instruments[i].Zones.Length;
            }
            return count;
        }

        private ZoneRecord[] ReadZones(
            RecordTable header, int headerIndex, int bagStart, int bagEnd,
            RecordTable bags, RecordTable gens, RecordTable mods,
            GeneratorType terminal, int terminalLimit)
        {
            long headerOffset = header.OffsetOf(headerIndex + 1);
            if (bagEnd < bagStart)
                Fail(header.Id, headerOffset, $"record {headerIndex + 1} has bag index {bagEnd}, below the previous record's {bagStart} (indices must not decrease)");
            if (bagEnd > bags.Count - 1)
                Fail(header.Id, headerOffset, $"record {headerIndex + 1} has bag index {bagEnd} but '{bags.Id}' has only {bags.Count - 1} bags");

            var zones = new ZoneRecord[bagEnd - bagStart];
            for (int b = bagStart; b < bagEnd; b++)
            {
                var bag = bags.Record(b);
                var next = bags.Record(b + 1);
                int genStart = BinaryPrimitives.ReadUInt16LittleEndian(bag);
                int genEnd = BinaryPrimitives.ReadUInt16LittleEndian(next);
                int modStart = BinaryPrimitives.ReadUInt16LittleEndian(bag.Slice(2));
                int modEnd = BinaryPrimitives.ReadUInt16LittleEndian(next.Slice(2));
                long bagOffset = bags.OffsetOf(b + 1);
                if (genEnd < genStart || genEnd > gens.Count)
                    Fail(bags.Id, bagOffset, $"bag {b} spans generators {genStart}..{genEnd} but '{gens.Id}' has {gens.Count}");
                if (modEnd < modStart || modEnd > mods.Count)
                    Fail(bags.Id, bagOffset, $"bag {b} spans modulators {modStart}..{modEnd} but '{mods.Id}' has {mods.Count}");

                var generators = new Generator[genEnd - genStart];
                for (int g = genStart; g < genEnd; g++)
                {
                    var rec = gens.Record(g);
                    var type = (GeneratorType)BinaryPrimitives.ReadUInt16LittleEndian(rec);
                    short amount = BinaryPrimitives.ReadInt16LittleEndian(rec.Slice(2));
                    var generator = new Generator(type, amount);
                    if (type == terminal && generator.Index >= terminalLimit)
                        Fail(gens.Id, gens.OffsetOf(g), $"generator {g} points at {(terminal == GeneratorType.Instrument ? "instrument" : "sample")} {generator.Index} but the file has only {terminalLimit}");
                    generators[g - genStart] = generator;
                }

                var modulators = new ModulatorRecord[modEnd - modStart];
                for (int m = modStart; m < modEnd; m++)
                {
                    var rec = mods.Record(m);
                    modulators[m - modStart] = new ModulatorRecord(
                        BinaryPrimitives.ReadUInt16LittleEndian(rec),
                        BinaryPrimitives.ReadUInt16LittleEndian(rec.Slice(2)),
                        BinaryPrimitives.ReadInt16LittleEndian(rec.Slice(4)),
                        BinaryPrimitives.ReadUInt16LittleEndian(rec.Slice(6)),
                        BinaryPrimitives.ReadUInt16LittleEndian(rec.Slice(8)));
                }
                zones[b - bagStart] = new ZoneRecord(generators, modulators);
            }
            return zones;
        }

        private SampleHeader[] ReadSampleHeaders(RecordTable shdr, int dataLength)
        {
            int count = shdr.Count - 1;
            var samples = new SampleHeader[count];
            for (int i = 0; i < count; i++)
            {
                var r = shdr.Record(i);
                var header = new SampleHeader(
                    Name(r),
                    BinaryPrimitives.ReadUInt32LittleEndian(r.Slice(20)),
                    BinaryPrimitives.ReadUInt32LittleEndian(r.Slice(24)),
                    BinaryPrimitives.ReadUInt32LittleEndian(r.Slice(28)),
                    BinaryPrimitives.ReadUInt32LittleEndian(r.Slice(32)),
                    BinaryPrimitives.ReadUInt32LittleEndian(r.Slice(36)),
                    r[40],
                    unchecked((sbyte)r[41]),
                    BinaryPrimitives.ReadUInt16LittleEndian(r.Slice(42)),
                    (SampleType)BinaryPrimitives.ReadUInt16LittleEndian(r.Slice(44)));

                bool playable = true;
                if ((header.Type & SampleType.Rom) != 0)
                {
                    _warnings.Add($"Sample '{header.Name}' lives in a sound ROM we don't have; it stays silent.");
                    playable = false;
                }
                else if (header.Start >= header.End || header.End > (uint)dataLength)
                {
                    _warnings.Add($"Sample '{header.Name}' (shdr offset {shdr.OffsetOf(i)}) spans {header.Start}..{header.End} outside the {dataLength} sample points; it stays silent.");
                    playable = false;
                }
                else if (header.SampleRate == 0 || header.SampleRate > 1_000_000)
                {
                    _warnings.Add($"Sample '{header.Name}' has sample rate {header.SampleRate}; it stays silent.");
                    playable = false;
                }
                bool loopOk = header.LoopStart >= header.Start && header.LoopEnd <= header.End
                              && header.LoopStart < header.LoopEnd;
                samples[i] = header with { IsPlayable = playable, HasValidLoop = loopOk };
            }
            return samples;
        }

        private RecordTable Records(Dictionary<string, ChunkSpan> found, string id, int recordSize, ChunkSpan list)
        {
            if (!found.TryGetValue(id, out var chunk))
                Fail(id, list.Offset, $"the mandatory '{id}' sub-chunk is missing from 'pdta'");
            if (chunk.Size % recordSize != 0)
                Fail(id, chunk.Offset, $"its size {chunk.Size} is not a multiple of the {recordSize}-byte record");
            if (chunk.Size < recordSize)
                Fail(id, chunk.Offset, "it lacks the terminal record the spec requires");
            var bytes = new byte[chunk.Size];
            ReadAt(chunk.DataOffset, bytes);
            return new RecordTable(id, chunk.DataOffset, bytes, recordSize);
        }

        // ---- RIFF plumbing ---------------------------------------------------------------

        private IEnumerable<ChunkSpan> Chunks(long start, long end, string parent)
        {
            long pos = start;
            var head = new byte[8];
            while (pos + 8 <= end)
            {
                ReadAt(pos, head);
                string id = Id(head, 0);
                long size = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(4));
                if (pos + 8 + size > end)
                    Fail(Printable(id), pos, $"it declares {size} bytes but only {end - pos - 8} remain in '{parent}' (truncated or corrupt size)");
                yield return new ChunkSpan(id, pos, pos + 8, size);
                pos += 8 + size + (size & 1);
            }
            if (pos < end && end - pos < 8 && pos != end)
                _warnings.Add($"{end - pos} stray bytes at the end of '{parent}' were ignored.");
        }

        private void ReadAt(long offset, Span<byte> destination)
        {
            _stream.Position = offset;
            _stream.ReadExactly(destination);
        }

        private static string Id(byte[] bytes, int at) => Encoding.Latin1.GetString(bytes, at, 4);

        private static string Name(ReadOnlySpan<byte> record)
        {
            var raw = record.Slice(0, 20);
            int zero = raw.IndexOf((byte)0);
            return Encoding.Latin1.GetString(zero < 0 ? raw : raw.Slice(0, zero)).TrimEnd();
        }

        private static string Printable(string id)
        {
            Span<char> chars = stackalloc char[id.Length];
            for (int i = 0; i < id.Length; i++) chars[i] = id[i] >= ' ' && id[i] < 127 ? id[i] : '?';
            return new string(chars);
        }

        [DoesNotReturn]
        private void Fail(string chunk, long offset, string problem) =>
            throw new SoundFontFormatException(_source, chunk, offset, problem);
    }

    /// <summary>A pdta sub-chunk held in memory, cut into fixed-size records.</summary>
    private sealed class RecordTable
    {
        private readonly byte[] _bytes;
        private readonly int _recordSize;
        private readonly long _dataOffset;

        public RecordTable(string id, long dataOffset, byte[] bytes, int recordSize)
        {
            Id = id;
            _dataOffset = dataOffset;
            _bytes = bytes;
            _recordSize = recordSize;
        }

        public string Id { get; }

        public int Count => _bytes.Length / _recordSize;

        public ReadOnlySpan<byte> Record(int index) => _bytes.AsSpan(index * _recordSize, _recordSize);

        public long OffsetOf(int index) => _dataOffset + (long)index * _recordSize;
    }
}
