using Sideman.Engine.Live;
using Sideman.Engine.State;

namespace Sideman.Engine;

// The producer's chord chart: set on the main thread, read by the band, saved as the "CHRT" blob.
public sealed partial class SidemanEngine
{
    private LiveChart? _chart;

    /// <summary>[any] The chart the band plays in chart mode (null: none set).</summary>
    public LiveChart? Chart => Volatile.Read(ref _chart);

    /// <summary>
    /// [main] Sets the chord chart (null or blank text clears it). False, changing nothing, with the reason
    /// when the text is not a chart; the previous chart then stays.
    /// </summary>
    public bool SetChart(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            Volatile.Write(ref _chart, null);
            return true;
        }
        if (!LiveChart.TryParse(text, out LiveChart? chart, out problem))
            return false;
        Volatile.Write(ref _chart, chart);
        return true;
    }

    /// <summary>[main] Takes the chart a loaded state holds; an unreadable chart blob is kept as it was (saved back unchanged) and logged.</summary>
    private void RestoreChart(IReadOnlyList<StateBlob> blobs)
    {
        foreach (StateBlob blob in blobs)
        {
            if (blob.Tag != ChartBlob.Tag)
                continue;
            if (ChartBlob.TryRead(blob.Data.Span, out LiveChart? chart, out string? problem))
            {
                Volatile.Write(ref _chart, chart);
                _unreadableChart = null;
            }
            else
            {
                _unreadableChart = blob;
                _log.Warn("chart", $"The song's saved chord chart cannot be read ({problem}); the band keeps its current chart and the saved one is kept unchanged.");
            }
            return;
        }
        Volatile.Write(ref _chart, null);
        _unreadableChart = null;
    }

    private StateBlob? _unreadableChart;

    /// <summary>[main] The chart blob to save, if any.</summary>
    private StateBlob? ChartStateBlob()
    {
        if (_unreadableChart is not null)
            return _unreadableChart;
        LiveChart? chart = Chart;
        return chart is null ? null : ChartBlob.Create(chart);
    }
}
