using System.Numerics;

namespace Sideman.Synth.Tests.Support;

/// <summary>Signal measurements for the tests: RMS envelopes, spectra, pitch.</summary>
internal static class Analysis
{
    public static float[] Mono(float[] left, float[] right)
    {
        var m = new float[left.Length];
        for (int i = 0; i < m.Length; i++) m[i] = 0.5f * (left[i] + right[i]);
        return m;
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        if (x.Length == 0) return 0;
        double sum = 0;
        foreach (float v in x) sum += (double)v * v;
        return Math.Sqrt(sum / x.Length);
    }

    public static double Db(double amplitude) => 20 * Math.Log10(amplitude + 1e-9);

    public static double PeakAbs(ReadOnlySpan<float> x)
    {
        double peak = 0;
        foreach (float v in x) peak = Math.Max(peak, Math.Abs(v));
        return peak;
    }

    /// <summary>RMS per frame in dB (the same definition as make_reference.py).</summary>
    public static double[] EnvelopeDb(float[] mono, int frame)
    {
        int frames = mono.Length / frame;
        var env = new double[frames];
        for (int f = 0; f < frames; f++) env[f] = Db(Rms(mono.AsSpan(f * frame, frame)));
        return env;
    }

    /// <summary>Third-octave band energies in dB of a Hann-windowed stretch (as make_reference.py).</summary>
    public static double[] BandsDb(float[] mono, int start, int size, double sampleRate, double baseHz, int bands)
    {
        var power = PowerSpectrum(mono.AsSpan(start, size));
        var result = new double[bands];
        for (int k = 0; k < bands; k++)
        {
            double centre = baseHz * Math.Pow(2, k / 3.0);
            double lo = centre * Math.Pow(2, -1 / 6.0), hi = centre * Math.Pow(2, 1 / 6.0);
            double energy = 0;
            for (int b = 0; b < power.Length; b++)
            {
                double f = b * sampleRate / size;
                if (f >= lo && f < hi) energy += power[b];
            }
            result[k] = 10 * Math.Log10(energy + 1e-12);
        }
        return result;
    }

    /// <summary>|FFT|² of a Hann-windowed block (length a power of two), bins 0..N/2.</summary>
    public static double[] PowerSpectrum(ReadOnlySpan<float> x)
    {
        int n = x.Length;
        if ((n & (n - 1)) != 0) throw new ArgumentException("power of two needed");
        var data = new Complex[n];
        for (int i = 0; i < n; i++)
        {
            // numpy.hanning: symmetric window.
            double w = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (n - 1));
            data[i] = new Complex(x[i] * w, 0);
        }
        Fft(data);
        var power = new double[n / 2 + 1];
        for (int i = 0; i < power.Length; i++) power[i] = data[i].Magnitude * data[i].Magnitude;
        return power;
    }

    /// <summary>
    /// Fundamental frequency by FFT: the strongest peak of a zero-padded Hann spectrum, refined by
    /// parabolic interpolation of the log magnitudes.
    /// </summary>
    public static double PeakFrequency(ReadOnlySpan<float> x, double sampleRate, double minHz, double maxHz)
    {
        int n = 1;
        while (n < x.Length * 4) n <<= 1;
        var padded = new float[n];
        x.CopyTo(padded);
        // Window only the real part; the zero padding sharpens the bins.
        var data = new Complex[n];
        for (int i = 0; i < x.Length; i++)
            data[i] = new Complex(x[i] * (0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (x.Length - 1))), 0);
        Fft(data);
        int lo = (int)(minHz * n / sampleRate), hi = (int)(maxHz * n / sampleRate);
        int best = lo;
        for (int i = lo; i <= hi; i++)
        {
            if (data[i].Magnitude > data[best].Magnitude) best = i;
        }
        double a = Math.Log(data[best - 1].Magnitude + 1e-20), b = Math.Log(data[best].Magnitude + 1e-20),
            c = Math.Log(data[best + 1].Magnitude + 1e-20);
        double delta = 0.5 * (a - c) / (a - 2 * b + c);
        return (best + delta) * sampleRate / n;
    }

    /// <summary>Frequency from rising zero crossings, interpolated to sub-sample accuracy.</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<float> x, double sampleRate)
    {
        double first = -1, last = -1;
        int count = 0;
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                double t = i - 1 + x[i - 1] / (x[i - 1] - x[i]);
                if (first < 0) first = t;
                else count++;
                last = t;
            }
        }
        return count == 0 ? 0 : count * sampleRate / (last - first);
    }

    public static double Cents(double measured, double expected) => 1200 * Math.Log2(measured / expected);

    public static void Fft(Complex[] data)
    {
        int n = data.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) (data[i], data[j]) = (data[j], data[i]);
        }
        for (int len = 2; len <= n; len <<= 1)
        {
            double angle = -2 * Math.PI / len;
            var wl = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (int i = 0; i < n; i += len)
            {
                var w = Complex.One;
                for (int k = 0; k < len / 2; k++)
                {
                    var u = data[i + k];
                    var v = data[i + k + len / 2] * w;
                    data[i + k] = u + v;
                    data[i + k + len / 2] = u - v;
                    w *= wl;
                }
            }
        }
    }

    public static bool AllFinite(ReadOnlySpan<float> x)
    {
        foreach (float v in x)
        {
            if (!float.IsFinite(v)) return false;
        }
        return true;
    }

    /// <summary>True when no value is a subnormal float (denormal).</summary>
    public static bool NoDenormals(ReadOnlySpan<float> x)
    {
        foreach (float v in x)
        {
            if (v != 0 && Math.Abs(v) < 1.17549435E-38f) return false;
        }
        return true;
    }
}
