using Sideman.Music.Patterns;

namespace Sideman.Model.Decoding.Songs;

/// <summary>One part of a generated song: its header, its bars as patterns, its full token sequence (BOS ... EOS), counters and timing.</summary>
public sealed record GeneratedPart(
    PartHeader Header,
    IReadOnlyList<BarPattern> Bars,
    int[] Tokens,
    GenerationStats Stats,
    double WallSeconds,
    double CpuSeconds);
