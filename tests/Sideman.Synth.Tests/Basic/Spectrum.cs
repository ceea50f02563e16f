using System.Numerics;

namespace Sideman.Synth.Tests.Basic;

/// <summary>Power spectrum (Hann window, radix-2 FFT) and the measurements the synth tests need.</summary>
internal static class Spectrum
{
    public static double[] Power(ReadOnlySpan<float> x)
    {
        int n = 1;
        while (n * 2 <= x.Length)
            n *= 2;
        var data = new Complex[n];
        for (int i = 0; i < n; i++)
            data[i] = x[i] * (0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (n - 1)));
        Fft(data);
        var power = new double[n / 2];
        for (int i = 0; i < power.Length; i++)
            power[i] = data[i].Magnitude * data[i].Magnitude;
        return power;
    }

    /// <summary>Share of the power (above 30 Hz) lying away from the harmonics of <paramref name="fundamental"/>.</summary>
    public static double InharmonicShare(double[] power, double sampleRate, double fundamental, double tolerance = 0.02)
    {
        double binHz = sampleRate / (2.0 * power.Length);
        double harmonic = 0, other = 0;
        for (int i = (int)(30 / binHz); i < power.Length; i++)
        {
            double f = i * binHz;
            double k = Math.Round(f / fundamental);
            bool near = k >= 1 && Math.Abs(f - k * fundamental) <= Math.Max(tolerance * k * fundamental, 3 * binHz);
            if (near)
                harmonic += power[i];
            else
                other += power[i];
        }
        return other / (harmonic + other);
    }

    /// <summary>Frequency of the strongest bin between the bounds, refined by parabolic interpolation.</summary>
    public static double PeakFrequency(double[] power, double sampleRate, double lowHz, double highHz)
    {
        double binHz = sampleRate / (2.0 * power.Length);
        int best = (int)(lowHz / binHz);
        for (int i = best; i <= (int)(highHz / binHz) && i < power.Length - 1; i++)
        {
            if (power[i] > power[best])
                best = i;
        }
        double a = Math.Log(power[best - 1] + 1e-30), b = Math.Log(power[best] + 1e-30), c = Math.Log(power[best + 1] + 1e-30);
        double shift = 0.5 * (a - c) / (a - 2 * b + c);
        return (best + shift) * binHz;
    }

    private static void Fft(Complex[] a)
    {
        int n = a.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
                j ^= bit;
            j ^= bit;
            if (i < j)
                (a[i], a[j]) = (a[j], a[i]);
        }
        for (int length = 2; length <= n; length <<= 1)
        {
            double angle = -2 * Math.PI / length;
            var wLength = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (int i = 0; i < n; i += length)
            {
                Complex w = Complex.One;
                for (int k = 0; k < length / 2; k++)
                {
                    Complex u = a[i + k];
                    Complex v = a[i + k + length / 2] * w;
                    a[i + k] = u + v;
                    a[i + k + length / 2] = u - v;
                    w *= wLength;
                }
            }
        }
    }
}
