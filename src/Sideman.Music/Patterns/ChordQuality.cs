namespace Sideman.Music.Patterns;

/// <summary>
/// Chord qualities, in the order of the QUAL tokens of models/vocab.json (the vocabulary reader
/// checks that order and every interval table against <see cref="ChordQualityInfo"/>).
/// </summary>
public enum ChordQuality
{
    Major,
    Minor,
    Diminished,
    Augmented,
    Sus2,
    Sus4,
    Power,
    Major6,
    Minor6,
    Add9,
    Dominant7,
    Major7,
    Minor7,
    HalfDiminished7,
    Diminished7,
    MinorMajor7,
    Dominant7Sus4,
    Augmented7,
    Dominant9,
    Major9,
    Minor9,
    Minor11,
    Dominant13,
    Dominant7Altered,
}
