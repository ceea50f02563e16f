using System.Buffers.Binary;
using System.Text;
using Sideman.Engine.Live;
using Sideman.Plugin.Interop;
using Sideman.Plugin.Tests.Support;

namespace Sideman.Plugin.Tests.Interop;

/// <summary>processorSetChart (ABI 3), called as the bridge calls it for the Sideman.SetChart message.</summary>
public sealed unsafe class ChartExportsTests
{
    private const int MessageCapacity = 1024;

    private static int SetChart(SmApi api, nint handle, string? text, out string message)
    {
        ushort* buffer = stackalloc ushort[MessageCapacity];
        buffer[0] = 0xFFFF; // shows whether the export wrote the message at all
        int status;
        if (text is null)
            status = api.ProcessorSetChart(handle, null, buffer, MessageCapacity);
        else
        {
            fixed (char* p = text)
                status = api.ProcessorSetChart(handle, (ushort*)p, buffer, MessageCapacity);
        }
        message = ExportedApi.Text(buffer);
        return status;
    }

    private static byte[] Save(SmApi api, nint handle)
    {
        long size = api.ProcessorSaveState(handle, null, 0);
        Assert.True(size > 0);
        var bytes = new byte[size];
        fixed (byte* p = bytes)
            Assert.Equal(size, api.ProcessorSaveState(handle, p, size));
        return bytes;
    }

    /// <summary>The data of the state's blob tagged "CHRT", or null (walks the documented layout).</summary>
    private static byte[]? ChartBlobOf(byte[] state)
    {
        ReadOnlySpan<byte> body = state.AsSpan(12, (int)BinaryPrimitives.ReadUInt32LittleEndian(state.AsSpan(8)));
        int at = 0;
        uint values = BinaryPrimitives.ReadUInt32LittleEndian(body[at..]);
        at += 4;
        for (uint i = 0; i < values; i++)
            at += 1 + body[at] + 8;
        uint blobs = BinaryPrimitives.ReadUInt32LittleEndian(body[at..]);
        at += 4;
        for (uint i = 0; i < blobs; i++)
        {
            uint tag = BinaryPrimitives.ReadUInt32LittleEndian(body[at..]);
            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[(at + 4)..]);
            at += 8;
            if (tag == BinaryPrimitives.ReadUInt32BigEndian("CHRT"u8))
                return body.Slice(at, length).ToArray();
            at += length;
        }
        return null;
    }

    [Fact]
    public void A_chart_is_set_saved_refused_and_cleared_through_the_abi()
    {
        SmApi api = ExportedApi.Table;
        nint handle;
        Assert.Equal(BridgeAbi.Ok, api.ProcessorCreate(&handle));
        try
        {
            Assert.Null(ChartBlobOf(Save(api, handle)));

            const string chart = "C | Am7 | F G7 | C/E";
            Assert.Equal(BridgeAbi.Ok, SetChart(api, handle, chart, out string message));
            Assert.Equal("", message);
            Assert.Equal(chart, NativeProcessor.FromHandle(handle)!.Processor.Engine.Chart?.Text);
            Assert.Equal(Encoding.UTF8.GetBytes(chart), ChartBlobOf(Save(api, handle)));

            // Not a chart: SM_FALSE with the reason, and the chart already set stays (in the state too).
            Assert.Equal(BridgeAbi.False, SetChart(api, handle, "C | Qx9 | ??", out message));
            Assert.Contains("chord chart", message);
            Assert.Equal(Encoding.UTF8.GetBytes(chart), ChartBlobOf(Save(api, handle)));

            // Longer than the limit: refused, never cut to fit.
            string tooLong = string.Concat(Enumerable.Repeat("C | ", LiveChart.MaxTextLength / 4 + 1)) + "C";
            Assert.Equal(BridgeAbi.False, SetChart(api, handle, tooLong, out message));
            Assert.Contains("limit", message);

            // Empty or null: no chart any more.
            Assert.Equal(BridgeAbi.Ok, SetChart(api, handle, "", out message));
            Assert.Null(ChartBlobOf(Save(api, handle)));
            Assert.Equal(BridgeAbi.Ok, SetChart(api, handle, "F | C", out _));
            Assert.Equal(BridgeAbi.Ok, SetChart(api, handle, null, out _));
            Assert.Null(NativeProcessor.FromHandle(handle)!.Processor.Engine.Chart);
        }
        finally
        {
            api.ProcessorDestroy(handle);
        }
    }

    [Fact]
    public void A_chart_for_no_processor_is_an_invalid_argument()
    {
        SmApi api = ExportedApi.Table;
        Assert.Equal(BridgeAbi.InvalidArgument, SetChart(api, 0, "C | G", out string message));
        Assert.Contains("handle", message);
        // No message buffer: still answered, nothing written.
        fixed (char* p = "C | G")
            Assert.Equal(BridgeAbi.InvalidArgument, api.ProcessorSetChart(0, (ushort*)p, null, 0));
    }

    [Fact]
    public void A_refused_chart_is_logged()
    {
        SmApi api = ExportedApi.Table;
        nint handle;
        Assert.Equal(BridgeAbi.Ok, api.ProcessorCreate(&handle));
        try
        {
            string marker = "Zq" + Guid.NewGuid().ToString("N")[..6];
            Assert.Equal(BridgeAbi.False, SetChart(api, handle, $"C | {marker}", out string message));
            Assert.Contains(marker, message);
            Assert.Contains($"[chart] Refused a chord chart of {marker.Length + 4} characters; the band keeps its chart. {message}", TestLog.Read());
        }
        finally
        {
            api.ProcessorDestroy(handle);
        }
    }
}
