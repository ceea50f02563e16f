namespace Sideman.Engine.Processing;

/// <summary>Writes the engine's float mix into host buffers of either sample size. Allocation-free.</summary>
internal static unsafe class BusWriter
{
    /// <summary>[audio] Copies <paramref name="source"/> into the channel at <paramref name="offset"/>.</summary>
    public static void Write(void* channel, SampleFormat format, int offset, ReadOnlySpan<float> source)
    {
        if (channel == null)
            return;
        if (format == SampleFormat.Float32)
        {
            source.CopyTo(new Span<float>((float*)channel + offset, source.Length));
            return;
        }
        double* destination = (double*)channel + offset;
        for (int i = 0; i < source.Length; i++)
            destination[i] = source[i];
    }

    /// <summary>
    /// [audio] Writes a stereo signal into a bus at <paramref name="offset"/>: left and right into its
    /// first two channels, (L+R)/2 into a one-channel bus, silence into any further channels.
    /// </summary>
    public static void WriteStereo(ref OutputBus bus, SampleFormat format, int offset, ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (bus.ChannelCount == 1)
        {
            WriteMono(bus.Channel(0), format, offset, left, right);
            return;
        }
        for (int c = 0; c < bus.ChannelCount; c++)
        {
            void* channel = bus.Channel(c);
            if (c == 0)
                Write(channel, format, offset, left);
            else if (c == 1)
                Write(channel, format, offset, right);
            else
                Clear(channel, format, offset, left.Length);
        }
    }

    /// <summary>[audio] Writes the mono sum (L+R)/2, for a host that asks for a one-channel main bus.</summary>
    public static void WriteMono(void* channel, SampleFormat format, int offset, ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (channel == null)
            return;
        for (int i = 0; i < left.Length; i++)
        {
            float m = 0.5f * (left[i] + right[i]);
            if (format == SampleFormat.Float32)
                ((float*)channel)[offset + i] = m;
            else
                ((double*)channel)[offset + i] = m;
        }
    }

    /// <summary>[audio] Zeroes <paramref name="count"/> samples at <paramref name="offset"/>.</summary>
    public static void Clear(void* channel, SampleFormat format, int offset, int count)
    {
        if (channel == null || count <= 0)
            return;
        if (format == SampleFormat.Float32)
            new Span<float>((float*)channel + offset, count).Clear();
        else
            new Span<double>((double*)channel + offset, count).Clear();
    }

    /// <summary>[audio] Silences every channel of a bus and flags it silent.</summary>
    public static void Silence(ref OutputBus bus, SampleFormat format, int count)
    {
        for (int c = 0; c < bus.ChannelCount; c++)
            Clear(bus.Channel(c), format, 0, count);
        bus.SilenceFlags = bus.AllChannelsSilent;
    }
}
