namespace Sideman.Engine.Tests.Support;

/// <summary>Small measurements on rendered audio.</summary>
public static class Signal
{
    public static int FirstNonZero(ReadOnlySpan<float> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] != 0f)
                return i;
        }
        return -1;
    }

    public static int LastNonZero(ReadOnlySpan<float> x)
    {
        for (int i = x.Length - 1; i >= 0; i--)
        {
            if (x[i] != 0f)
                return i;
        }
        return -1;
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        if (x.Length == 0)
            return 0;
        double sum = 0;
        foreach (float v in x)
            sum += (double)v * v;
        return Math.Sqrt(sum / x.Length);
    }

    public static double Peak(ReadOnlySpan<float> x)
    {
        double peak = 0;
        foreach (float v in x)
            peak = Math.Max(peak, Math.Abs(v));
        return peak;
    }

    public static bool AllFinite(ReadOnlySpan<float> x)
    {
        foreach (float v in x)
        {
            if (!float.IsFinite(v))
                return false;
        }
        return true;
    }
}
