namespace Sideman.Synth.Tests.Basic;

/// <summary>Fundamental frequency by autocorrelation (robust to the saw's harmonics).</summary>
internal static class Pitch
{
    public static double EstimateFrequency(ReadOnlySpan<float> x, double sampleRate, double minHz = 40, double maxHz = 4000)
    {
        int minLag = Math.Max(2, (int)(sampleRate / maxHz));
        int maxLag = Math.Min(x.Length / 2, (int)(sampleRate / minHz));
        int n = x.Length - maxLag;
        double[] r = new double[maxLag + 2];
        for (int lag = minLag; lag <= maxLag + 1 && lag < x.Length - n; lag++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
                sum += (double)x[i] * x[i + lag];
            r[lag] = sum;
        }
        // The first lag whose correlation is close to the best one: avoids picking a multiple of the period.
        double best = 0;
        for (int lag = minLag; lag <= maxLag; lag++)
            best = Math.Max(best, r[lag]);
        int peak = minLag;
        for (int lag = minLag + 1; lag < maxLag; lag++)
        {
            if (r[lag] >= 0.9 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1])
            {
                peak = lag;
                break;
            }
        }
        // Parabolic interpolation around the peak for sub-sample precision.
        double a = r[peak - 1], b = r[peak], c = r[peak + 1];
        double shift = a - 2 * b + c == 0 ? 0 : 0.5 * (a - c) / (a - 2 * b + c);
        return sampleRate / (peak + shift);
    }
}
