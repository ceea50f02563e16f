using Sideman.Editor.Layout;
using Sideman.Editor.Model;
using Sideman.Editor.Provenance;
using Sideman.Engine.Band;
using Sideman.Engine.Live;
using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Tests.Support;

/// <summary>The editor states the screenshots, the allocation test and the bench draw.</summary>
public static class Scenes
{
    /// <summary>The fixture models folder (a small card and attribution list in the generated format).</summary>
    public static string FixtureModels => Path.Combine(AppContext.BaseDirectory, "Fixtures", "models");

    /// <summary>The provenance of the fixture, with the attribution path as the bundle will have it (not this machine's).</summary>
    public static ProvenanceInfo FixtureProvenance() =>
        ProvenanceReader.Read(FixtureModels) with { AttributionPath = "Sideman.vst3/Contents/Resources/models/ATTRIBUTION.tsv" };

    /// <summary>A fresh plugin: every parameter at its default, the transport stopped, nothing written yet.</summary>
    public static FakeSnapshot Default() => new();

    /// <summary>A chart playing in chart mode: bossa, low energy, bar 6 of a four-chord chart, two bars written ahead.</summary>
    public static FakeSnapshot ChartPlaying()
    {
        var s = new FakeSnapshot
        {
            StyleIndex = IndexOf(BandStyles.Ids, "bossa"),
            Energy = 1.4,
            Mode = ChordSourceMode.Chart,
            ChartText = "Cmaj7 | Am7 | Dm7 G7 | Cmaj7 A7",
            SectionIndex = IndexOf(LiveBandChoices.Sections, "Chorus"),
            SwingPercent = 25,
            HumanizePercent = 20,
            Seed = 42,
            ChordNow = "Dm7",
            Playing = true,
            PlayheadBar = 5,
            PlayheadBeat = 1.5,
            BarsAhead = 2,
            GuardBarsChecked = 1234,
            GuardCopiesRejected = 17,
        };
        s.NextChords.AddRange(["G7", "Cmaj7", "A7", "Dm7"]);
        string[] sounds = ["Brush Kit (style)", "Upright Bass (style)", "Electric Piano", "Strings (style)", "Vibraphone (style)"];
        int[] presets = [0, 0, IndexOf(BandPresets.PresetNames(BandPart.Keys), "Electric Piano"), 0, 0];
        for (int p = 0; p < EditorLayout.PartCount; p++)
        {
            FakePart part = s.Parts[p];
            part.SoundName = sounds[p];
            part.PresetIndex = presets[p];
            part.NoteArray = Notes((BandPart)p, s.PlayheadBar, 1 + s.BarsAhead);
        }
        s.Parts[(int)BandPart.Pad].Locked = true;
        s.Parts[(int)BandPart.Arp].Muted = true;
        s.Parts[(int)BandPart.Keys].Pan = -30;
        s.Parts[(int)BandPart.Bass].VolumeDb = -4.5;
        s.Messages.Add("The keys' bar 5 was late; it played bar 4 again.");
        return s;
    }

    /// <summary>Made-up but plausible notes for a part over some bars (a fixed pattern, so pictures are stable).</summary>
    public static RollNote[] Notes(BandPart part, int firstBar, int bars)
    {
        var notes = new List<RollNote>();
        for (int b = firstBar; b < firstBar + bars; b++)
        {
            switch (part)
            {
                case BandPart.Drums:
                    for (int e = 0; e < 8; e++)
                        notes.Add(new RollNote(b, e * 0.5f, 0.25f, 42, 80));
                    notes.Add(new RollNote(b, 0, 0.25f, 36, 110));
                    notes.Add(new RollNote(b, 2.5f, 0.25f, 36, 100));
                    notes.Add(new RollNote(b, 1, 0.25f, 37, 90));
                    notes.Add(new RollNote(b, 3, 0.25f, 37, 90));
                    break;
                case BandPart.Bass:
                    notes.Add(new RollNote(b, 0, 1.5f, (byte)(38 + (b % 2) * 5), 100));
                    notes.Add(new RollNote(b, 1.5f, 0.5f, (byte)(45 + (b % 2) * 5), 90));
                    notes.Add(new RollNote(b, 2, 1.5f, (byte)(43 + (b % 2) * 5), 95));
                    notes.Add(new RollNote(b, 3.5f, 0.5f, (byte)(41 + (b % 2) * 5), 85));
                    break;
                case BandPart.Keys:
                    foreach (float start in new[] { 0.5f, 1.5f, 3f })
                    {
                        foreach (int pitch in new[] { 60, 64, 67, 71 })
                            notes.Add(new RollNote(b, start, 0.4f, (byte)(pitch + (b % 2) * 2), 70));
                    }
                    break;
                case BandPart.Pad:
                    foreach (int pitch in new[] { 53, 57, 60, 64 })
                        notes.Add(new RollNote(b, 0, 4, (byte)(pitch + (b % 2) * 2), 60));
                    break;
                default:
                    for (int i = 0; i < 8; i++)
                        notes.Add(new RollNote(b, i * 0.5f, 0.45f, (byte)(72 + (i * 4) % 12 + (b % 2)), 75));
                    break;
            }
        }
        return notes.ToArray();
    }

    private static int IndexOf(IReadOnlyList<string> items, string item)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] == item)
                return i;
        }
        throw new ArgumentException($"'{item}' is not in the list.");
    }
}
