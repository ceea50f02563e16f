namespace Sideman.Synth.SoundFont;

/// <summary>
/// Applies the SF2 zone rules (section 9.4): global zones, local overrides, instrument-only
/// generators, preset generators adding to instrument ones, range intersection, and the modulator
/// override/add rules. Produces the regions of one preset.
/// </summary>
internal static class RegionBuilder
{
    public static SoundFontRegion[] Build(SoundFontFile file, PresetRecord preset, Modulator[] defaults, List<string> warnings)
    {
        var regions = new List<SoundFontRegion>();
        var presetZones = preset.Zones;
        ZoneRecord? presetGlobal = null;
        for (int pz = 0; pz < presetZones.Length; pz++)
        {
            var zone = presetZones[pz];
            int? instrumentIndex = zone.TerminalIndex(GeneratorType.Instrument);
            if (instrumentIndex == null)
            {
                if (pz == 0) presetGlobal = zone;
                else warnings.Add($"Preset '{preset.Name}': zone {pz} has no instrument and is not first; ignored.");
                continue;
            }
            if (instrumentIndex.Value >= file.Instruments.Count) continue;   // the reader already rejects this
            var instrument = file.Instruments[instrumentIndex.Value];

            var presetOffsets = new int[GeneratorInfo.Count];
            int pKeyLo = 0, pKeyHi = 127, pVelLo = 0, pVelHi = 127;
            ApplyPresetGenerators(presetGlobal, presetOffsets, ref pKeyLo, ref pKeyHi, ref pVelLo, ref pVelHi);
            ApplyPresetGenerators(zone, presetOffsets, ref pKeyLo, ref pKeyHi, ref pVelLo, ref pVelHi);
            var presetMods = MergeLocal(presetGlobal?.Modulators, zone.Modulators);

            BuildInstrumentRegions(file, preset, instrument, presetOffsets, pKeyLo, pKeyHi, pVelLo, pVelHi,
                presetMods, defaults, regions, warnings);
        }
        return regions.ToArray();
    }

    private static void BuildInstrumentRegions(SoundFontFile file, PresetRecord preset, InstrumentRecord instrument,
        int[] presetOffsets, int pKeyLo, int pKeyHi, int pVelLo, int pVelHi, List<ModulatorRecord> presetMods,
        Modulator[] defaults, List<SoundFontRegion> regions, List<string> warnings)
    {
        ZoneRecord? global = null;
        for (int iz = 0; iz < instrument.Zones.Length; iz++)
        {
            var zone = instrument.Zones[iz];
            int? sampleIndex = zone.TerminalIndex(GeneratorType.SampleId);
            if (sampleIndex == null)
            {
                if (iz == 0) global = zone;
                else warnings.Add($"Instrument '{instrument.Name}': zone {iz} has no sample and is not first; ignored.");
                continue;
            }
            if (sampleIndex.Value >= file.Samples.Count) continue;
            var sample = file.Samples[sampleIndex.Value];
            if (!sample.IsPlayable) continue;

            var values = new int[GeneratorInfo.Count];
            for (int g = 0; g < values.Length; g++) values[g] = GeneratorInfo.DefaultOf((GeneratorType)g);
            int keyLo = 0, keyHi = 127, velLo = 0, velHi = 127;
            ApplyInstrumentGenerators(global, values, ref keyLo, ref keyHi, ref velLo, ref velHi);
            ApplyInstrumentGenerators(zone, values, ref keyLo, ref keyHi, ref velLo, ref velHi);

            keyLo = Math.Max(keyLo, pKeyLo);
            keyHi = Math.Min(keyHi, pKeyHi);
            velLo = Math.Max(velLo, pVelLo);
            velHi = Math.Min(velHi, pVelHi);
            if (keyLo > keyHi || velLo > velHi) continue;   // the preset and instrument ranges don't overlap

            for (int g = 0; g < values.Length; g++)
            {
                var type = (GeneratorType)g;
                if (GeneratorInfo.IsNonAdditive(type)) continue;
                values[g] = GeneratorInfo.Clamp(type, values[g] + presetOffsets[g]);
            }

            // Instrument level: defaults, overridden by the global zone, overridden by the local zone.
            var instrumentMods = new List<ModulatorRecord>();
            foreach (var d in defaults) instrumentMods.Add(d.Record);
            Override(instrumentMods, MergeLocal(global?.Modulators, zone.Modulators));
            // Preset level: identical modulators add their amounts, others are appended.
            foreach (var pm in presetMods)
            {
                int at = IndexOfIdentical(instrumentMods, pm);
                if (at < 0) instrumentMods.Add(pm);
                else
                {
                    var m = instrumentMods[at];
                    int sum = Math.Clamp(m.Amount + pm.Amount, short.MinValue, short.MaxValue);
                    instrumentMods[at] = m with { Amount = (short)sum };
                }
            }
            var playable = new List<Modulator>(instrumentMods.Count);
            foreach (var record in instrumentMods)
            {
                var m = new Modulator(record);
                if (m.IsPlayable && m.Amount != 0) playable.Add(m);
            }

            regions.Add(new SoundFontRegion(keyLo, keyHi, velLo, velHi, values, playable.ToArray(), sample, sampleIndex.Value));
        }
    }

    private static void ApplyInstrumentGenerators(ZoneRecord? zone, int[] values,
        ref int keyLo, ref int keyHi, ref int velLo, ref int velHi)
    {
        if (zone == null) return;
        foreach (var g in zone.Generators)
        {
            switch (g.Type)
            {
                case GeneratorType.KeyRange: keyLo = g.RangeLow; keyHi = g.RangeHigh; break;
                case GeneratorType.VelRange: velLo = g.RangeLow; velHi = g.RangeHigh; break;
                default:
                    if ((int)g.Type < GeneratorInfo.Count && !GeneratorInfo.IsNonAdditive(g.Type))
                        values[(int)g.Type] = g.Amount;
                    break;
            }
        }
    }

    private static void ApplyPresetGenerators(ZoneRecord? zone, int[] offsets,
        ref int keyLo, ref int keyHi, ref int velLo, ref int velHi)
    {
        if (zone == null) return;
        foreach (var g in zone.Generators)
        {
            switch (g.Type)
            {
                case GeneratorType.KeyRange: keyLo = g.RangeLow; keyHi = g.RangeHigh; break;
                case GeneratorType.VelRange: velLo = g.RangeLow; velHi = g.RangeHigh; break;
                default:
                    // Instrument-only generators are ignored at preset level (SF2 section 8.1.2).
                    if ((int)g.Type < GeneratorInfo.Count && !GeneratorInfo.IsNonAdditive(g.Type)
                        && !GeneratorInfo.IsInstrumentOnly(g.Type))
                        offsets[(int)g.Type] = g.Amount;
                    break;
            }
        }
    }

    /// <summary>Global modulators, with local ones replacing identical globals.</summary>
    private static List<ModulatorRecord> MergeLocal(ModulatorRecord[]? global, ModulatorRecord[] local)
    {
        var list = new List<ModulatorRecord>();
        if (global != null) AddUnique(list, global);
        Override(list, WithoutDuplicates(local));
        return list;
    }

    private static List<ModulatorRecord> WithoutDuplicates(ModulatorRecord[] records)
    {
        var list = new List<ModulatorRecord>();
        AddUnique(list, records);
        return list;
    }

    // Within one zone the spec says a second identical modulator is ignored.
    private static void AddUnique(List<ModulatorRecord> list, IEnumerable<ModulatorRecord> records)
    {
        foreach (var r in records)
        {
            if (IndexOfIdentical(list, r) < 0) list.Add(r);
        }
    }

    private static void Override(List<ModulatorRecord> list, List<ModulatorRecord> overrides)
    {
        foreach (var r in overrides)
        {
            int at = IndexOfIdentical(list, r);
            if (at < 0) list.Add(r);
            else list[at] = r;
        }
    }

    private static int IndexOfIdentical(List<ModulatorRecord> list, in ModulatorRecord r)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].SameIdentityAs(r)) return i;
        }
        return -1;
    }
}
