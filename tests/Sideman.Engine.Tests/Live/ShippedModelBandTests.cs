using Sideman.Engine.Live;
using Sideman.Engine.Processing;
using Sideman.Engine.Tests.Live.Support;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Live;

/// <summary>The real model playing live in the engine: offline renders of chords held by a player.</summary>
[Collection(ShippedModel.Collection)]
public sealed class ShippedModelBandTests
{
    private const int C = 60, E = 64, G = 67, F = 65, A = 69, D = 62, B = 71;

    private static (List<(long, MidiEvent)> Events, float[] Mix) Render(int seed, int block)
    {
        using var rig = new LiveRig(new ModelComposer(ShippedModel.Assets), bank: BundledSounds.Bank);
        rig.KeepAudio();
        rig.Set(0, EngineParameters.Seed, seed);
        long bar = (long)(4 * rig.SamplesPerQuarter);
        int[][] chords = [[C, E, G], [A - 12, C, E], [F - 12, A - 12, C], [G - 12, B - 12, D]];
        for (int i = 0; i < 8; i++)
            rig.Chord(i * bar + 37, (i + 1) * bar - 100, chords[i % 4]);
        rig.Run(8 * bar, block);
        return (rig.Output, rig.Audio![0][0].ToArray());
    }

    [Fact]
    public void Every_bar_has_drums_and_bass_on_the_held_chord()
    {
        var (events, mix) = Render(seed: 3, block: 512);
        long bar = (long)(4 * 48000 * 60.0 / 120);
        int[][] tones = [[0, 4, 7], [9, 0, 4], [5, 9, 0], [7, 11, 2]];
        int bassNotes = 0, bassInChord = 0;
        for (int b = 0; b < 8; b++)
        {
            var inBar = events.Where(o => o.Item1 >= b * bar && o.Item1 < (b + 1) * bar && o.Item2.Kind == MidiEventKind.NoteOn).ToList();
            Assert.Contains(inBar, o => o.Item2.Channel == BandChannels.Drums - 1);
            // The player presses each chord 37 samples into the bar: a note before that is still the old chord's.
            var bass = inBar.Where(o => o.Item2.Channel == BandChannels.Bass - 1 && o.Item1 >= b * bar + 37).OrderBy(o => o.Item1).ToList();
            Assert.NotEmpty(bass);
            // A walking or passing note between the beats is the bass's own; its first note on the new chord is the chord's.
            Assert.True(tones[b % 4].Contains(bass[0].Item2.Key % 12),
                        $"bar {b}: the bass answers the chord with {bass[0].Item2.Key}, not one of its tones: {string.Join(" ", bass.Select(o => $"{o.Item1 - b * bar}:{o.Item2.Key}"))}");
            bassNotes += bass.Count;
            bassInChord += bass.Count(o => tones[b % 4].Contains(o.Item2.Key % 12));
        }
        Assert.True(bassInChord * 4 >= bassNotes * 3, $"{bassInChord} of {bassNotes} bass notes are tones of the chord held");
        Assert.True(mix.Max(Math.Abs) > 0.01f, "the band is audible in the mix");
        Assert.DoesNotContain(mix, x => !float.IsFinite(x));
    }

    [Fact]
    public void Offline_renders_are_bit_identical_and_follow_the_seed()
    {
        var first = Render(seed: 5, block: 512);
        var second = Render(seed: 5, block: 512);
        Assert.Equal(first.Events.Count, second.Events.Count);
        Assert.Equal(first.Events, second.Events);
        Assert.Equal(first.Mix, second.Mix);
        var other = Render(seed: 6, block: 512);
        Assert.NotEqual(first.Events, other.Events);
    }
}
