using Sideman.Model.Tokens;

namespace Sideman.Evaluation.Songs;

/// <summary>
/// The drum class of a General MIDI percussion note, from models/vocab.json's <c>drum_map</c> (read by
/// <see cref="Vocabulary"/>): the one mapping the data pipeline uses for the Groove corpus
/// (models/training/sideman_data/extract_common.py's drum_events) and the generator writes back. So a human
/// hit and a generated hit of the same class count alike. Groups: the kick, the snare, what plays a backbeat
/// (snare, clap, sidestick) and the hi-hat (closed, pedal, open).
/// </summary>
public sealed class DrumClasses
{
    public const string Kick = "kick";
    public const string Snare = "snare";

    private readonly string?[] _byNote = new string?[128];

    public DrumClasses(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        for (int note = 0; note < 128; note++)
        {
            if (vocabulary.TryDrum(note, out int id))
                _byNote[note] = vocabulary[id].Name["DRUM_".Length..];
        }
    }

    /// <summary>The class of a GM note, or null when the drum map has none (the pipeline skips those notes too).</summary>
    public string? Of(int gmNote) => gmNote is >= 0 and < 128 ? _byNote[gmNote] : null;

    public static bool IsBackbeat(string drum) => drum is "snare" or "clap" or "sidestick";

    public static bool IsHat(string drum) => drum is "hh_closed" or "hh_pedal" or "hh_open";
}
