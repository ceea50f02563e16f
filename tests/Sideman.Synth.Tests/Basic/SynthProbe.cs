using Sideman.Synth.Basic;

namespace Sideman.Synth.Tests.Basic;

/// <summary>Renders a <see cref="BasicSynth"/> with actions at absolute samples.</summary>
internal static class SynthProbe
{
    public static float[] Render(BasicSynth synth, int length, params (int at, Action<BasicSynth> act)[] actions)
    {
        var left = new float[length];
        var right = new float[length];
        int cursor = 0;
        foreach ((int at, Action<BasicSynth> act) in actions.OrderBy(a => a.at))
        {
            if (at > cursor)
            {
                synth.Render(left.AsSpan(cursor, at - cursor), right.AsSpan(cursor, at - cursor));
                cursor = at;
            }
            act(synth);
        }
        synth.Render(left.AsSpan(cursor), right.AsSpan(cursor));
        return left;
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x)
            sum += (double)v * v;
        return x.Length == 0 ? 0 : Math.Sqrt(sum / x.Length);
    }

    /// <summary>
    /// Renders on a fixed grid of <paramref name="slice"/> samples, also split at each action's sample,
    /// as a host with that block size would.
    /// </summary>
    public static float[] RenderSliced(BasicSynth synth, int length, int slice, params (int at, Action<BasicSynth> act)[] actions)
    {
        var left = new float[length];
        var right = new float[length];
        var ordered = actions.OrderBy(a => a.at).ToArray();
        int next = 0, cursor = 0;
        while (cursor < length)
        {
            while (next < ordered.Length && ordered[next].at <= cursor)
                ordered[next++].act(synth);
            int end = Math.Min(length, (cursor / slice + 1) * slice);
            if (next < ordered.Length)
                end = Math.Min(end, ordered[next].at);
            synth.Render(left.AsSpan(cursor, end - cursor), right.AsSpan(cursor, end - cursor));
            cursor = end;
        }
        return left;
    }
}
