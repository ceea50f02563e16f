using Sideman.Model.Decoding;

namespace Sideman.Evaluation.Report;

/// <summary>
/// What the generator's guards did over an evaluation, summed over every part of every song: the bars written,
/// the pitched bars the musical guard checked, the samples it threw away, the bars kept although every try broke a
/// rule, the beat-one repairs, the notes the key repair moved, and the copies the originality guard rejected. It says how much of what the table
/// shows is the model's own first sample and how much the guards chose.
/// </summary>
public sealed class GuardTally
{
    public long Bars { get; private set; }
    public long MusicalChecks { get; private set; }
    public long MusicalResamples { get; private set; }
    public long MusicalViolationsKept { get; private set; }
    public long BeatOneRepairs { get; private set; }
    public long KeyRepairs { get; private set; }
    public long CopiesRejected { get; private set; }

    public void Add(GenerationStats s)
    {
        Bars += s.Bars;
        MusicalChecks += s.MusicalChecks;
        MusicalResamples += s.MusicalResamples;
        MusicalViolationsKept += s.MusicalViolationsKept;
        BeatOneRepairs += s.BeatOneRepairs;
        KeyRepairs += s.KeyRepairs;
        CopiesRejected += s.GuardRejections;
    }
}
