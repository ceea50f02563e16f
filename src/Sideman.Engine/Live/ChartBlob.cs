using System.Text;
using Sideman.Engine.State;

namespace Sideman.Engine.Live;

/// <summary>
/// The chord chart saved with the song, as the tagged state blob "CHRT": the chart text in UTF-8,
/// exactly as the producer typed it. No blob means follow mode has no chart yet.
/// </summary>
public static class ChartBlob
{
    public static uint Tag { get; } = StateBlob.MakeTag("CHRT");

    public static StateBlob Create(LiveChart chart) => new(Tag, Encoding.UTF8.GetBytes(chart.Text));

    /// <summary>The chart a blob holds, or false with the reason (bad UTF-8, not a chart).</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out LiveChart? chart, out string? problem)
    {
        chart = null;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data);
        }
        catch (DecoderFallbackException)
        {
            problem = "the saved chord chart is not valid UTF-8 text";
            return false;
        }
        return LiveChart.TryParse(text, out chart, out problem);
    }
}
