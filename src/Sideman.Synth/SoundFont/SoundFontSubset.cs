namespace Sideman.Synth.SoundFont;

/// <summary>
/// Builds a smaller SoundFont that holds only chosen presets: the instruments they use, the
/// samples those use (with their stereo partners) and only those samples' points, each followed
/// by the 46 zero points the spec asks for. Zones, generators and modulators are copied unchanged
/// apart from the re-numbered instrument and sample indices, so a subset preset plays exactly
/// like the original. The INFO copyright and comment (the licence notice) are kept.
/// </summary>
public static class SoundFontSubset
{
    /// <summary>Zero points after each sample (SF2.04 section 6.1).</summary>
    public const int SamplePadding = 46;

    /// <summary>
    /// Makes the subset. Throws <see cref="ArgumentException"/> naming every requested preset the
    /// source lacks. [main]
    /// </summary>
    public static SoundFontFile Build(SoundFontFile source, IEnumerable<PresetAddress> presets, string subsetNote)
    {
        var chosen = new List<PresetRecord>();
        var missing = new List<string>();
        foreach (var address in presets.Distinct())
        {
            var p = source.FindPreset(address.Bank, address.Program);
            if (p == null) missing.Add(address.ToString());
            else chosen.Add(p);
        }
        if (missing.Count > 0)
            throw new ArgumentException($"The source SoundFont has no preset at {string.Join(", ", missing)}.", nameof(presets));

        var instrumentMap = new Dictionary<int, int>();
        var instruments = new List<InstrumentRecord>();
        foreach (var p in chosen)
        {
            foreach (var zone in p.Zones)
            {
                if (zone.TerminalIndex(GeneratorType.Instrument) is int i && i < source.Instruments.Count && !instrumentMap.ContainsKey(i))
                {
                    instrumentMap[i] = instruments.Count;
                    instruments.Add(source.Instruments[i]);
                }
            }
        }

        var sampleMap = new Dictionary<int, int>();
        var sampleOrder = new List<int>();
        void KeepSample(int index)
        {
            if (index >= source.Samples.Count || sampleMap.ContainsKey(index)) return;
            sampleMap[index] = sampleOrder.Count;
            sampleOrder.Add(index);
        }
        foreach (var inst in instruments)
        {
            foreach (var zone in inst.Zones)
            {
                if (zone.TerminalIndex(GeneratorType.SampleId) is not int s || s >= source.Samples.Count) continue;
                KeepSample(s);
                var header = source.Samples[s];
                if ((header.Type & (SampleType.Left | SampleType.Right | SampleType.Linked)) != 0) KeepSample(header.Link);
            }
        }

        var (samples, data) = CopySamples(source, sampleOrder, sampleMap);
        var newPresets = chosen.Select(p => new PresetRecord(p.Name, p.Program, p.Bank, p.Library, p.Genre, p.Morphology,
            Renumber(p.Zones, GeneratorType.Instrument, instrumentMap))).ToList();
        var newInstruments = instruments.Select(i => new InstrumentRecord(i.Name,
            Renumber(i.Zones, GeneratorType.SampleId, sampleMap))).ToList();

        var info = source.Info with
        {
            Name = Truncate($"{source.Info.Name} (Sideman subset)", 255),
            Software = "Sideman SoundFont subset",
            Comments = Truncate(string.IsNullOrEmpty(source.Info.Comments)
                ? subsetNote
                : source.Info.Comments + "\n" + subsetNote, 65535),
        };
        return new SoundFontFile(info, newPresets, newInstruments, samples, data);
    }

    private static (List<SampleHeader>, SampleData) CopySamples(SoundFontFile source, List<int> order, Dictionary<int, int> map)
    {
        long total = 0;
        foreach (int s in order)
        {
            var h = source.Samples[s];
            total += (h.IsPlayable ? h.End - h.Start : 0) + SamplePadding;
        }
        var high = new short[total];
        var low = source.SampleData.Low24 == null ? null : new byte[total];
        var headers = new List<SampleHeader>(order.Count);
        long cursor = 0;
        foreach (int s in order)
        {
            var h = source.Samples[s];
            long length = h.IsPlayable ? h.End - h.Start : 0;
            if (length > 0)
            {
                Array.Copy(source.SampleData.High, h.Start, high, cursor, length);
                if (low != null) Array.Copy(source.SampleData.Low24!, h.Start, low, cursor, length);
            }
            long shift = cursor - h.Start;
            ushort link = map.TryGetValue(h.Link, out int newLink) ? (ushort)newLink : (ushort)map[s];
            headers.Add(h with
            {
                Start = (uint)cursor,
                End = (uint)(cursor + length),
                LoopStart = Shift(h.LoopStart, shift),
                LoopEnd = Shift(h.LoopEnd, shift),
                Link = link,
            });
            cursor += length + SamplePadding;
        }
        return (headers, new SampleData(high, low));
    }

    private static uint Shift(uint value, long shift) => (uint)Math.Clamp(value + shift, 0, uint.MaxValue);

    private static ZoneRecord[] Renumber(ZoneRecord[] zones, GeneratorType terminal, Dictionary<int, int> map)
    {
        var result = new ZoneRecord[zones.Length];
        for (int z = 0; z < zones.Length; z++)
        {
            var gens = (Generator[])zones[z].Generators.Clone();
            for (int g = 0; g < gens.Length; g++)
            {
                if (gens[g].Type == terminal && map.TryGetValue(gens[g].Index, out int newIndex))
                    gens[g] = new Generator(terminal, unchecked((short)(ushort)newIndex));
            }
            result[z] = new ZoneRecord(gens, (ModulatorRecord[])zones[z].Modulators.Clone());
        }
        return result;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max);
}
