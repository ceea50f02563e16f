namespace Sideman.Evaluation.Metrics;

/// <summary>A share counted over items: <see cref="Hits"/> of <see cref="Total"/>; NaN when nothing was counted.</summary>
public readonly record struct Ratio(long Hits, long Total)
{
    public double Value => Total == 0 ? double.NaN : (double)Hits / Total;

    public static Ratio operator +(Ratio a, Ratio b) => new(a.Hits + b.Hits, a.Total + b.Total);

    /// <summary>One more item, a hit or not.</summary>
    public Ratio Count(bool hit) => new(Hits + (hit ? 1 : 0), Total + 1);
}
