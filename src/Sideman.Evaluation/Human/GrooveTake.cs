using Sideman.Music.Time;

namespace Sideman.Evaluation.Human;

/// <summary>
/// One take of the Groove MIDI dataset as its info.csv row describes it: id, style label (e.g. funk/groove1),
/// tempo, "beat" or "fill", metre, split, and the MIDI file's path relative to the corpus root.
/// </summary>
public sealed record GrooveTake(string Id, string Label, double Bpm, string BeatType, TimeSignature Metre, string Split, string CorpusPath)
{
    /// <summary>The Sideman style the data pipeline files the take under.</summary>
    public string Style => GrooveStyles.StyleOf(Label, Bpm);
}
