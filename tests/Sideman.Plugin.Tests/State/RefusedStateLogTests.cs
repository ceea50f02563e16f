using Sideman.Plugin.Interop;
using Sideman.Plugin.State;
using Sideman.Plugin.Tests.Support;

namespace Sideman.Plugin.Tests.State;

/// <summary>
/// A refused state's reason quotes what it found in the damaged bytes (an id with NUL, CR, ESC, DEL,
/// TAB in it). That must reach sideman.log as visible escapes, never as raw control bytes that make
/// grep call the log binary.
/// </summary>
public sealed unsafe class RefusedStateLogTests
{
    /// <summary>An id with control characters and a unique tail, so each test finds its own log record.</summary>
    private static string DamagedId() => "dmg\0\r\u001b\u007f\tid-" + Guid.NewGuid().ToString("N")[..8];

    private static byte[] Damaged(string id) => new StateBuilder().Value("master.volume", -3).Value(id, double.NaN).Build();

    /// <summary>The log's record that names this test's id (and its continuation lines), or fails.</summary>
    private static string RecordFor(string marker)
    {
        string log = TestLog.Read();
        foreach (char c in log)
            Assert.False(c != '\n' && char.IsControl(c), $"sideman.log holds the raw control character U+{(int)c:X4}");
        int at = log.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no log line names {marker}:\n{log}");
        int start = log.LastIndexOf('\n', at) + 1;
        int end = log.IndexOf('\n', at);
        return log[start..(end < 0 ? log.Length : end)];
    }

    [Fact]
    public void A_refused_state_is_logged_with_its_control_bytes_escaped()
    {
        string id = DamagedId();
        var processor = new SidemanProcessor();
        StateReadResult result = processor.LoadState(Damaged(id));
        Assert.False(result.Success);
        Assert.Contains(id, result.Error); // the reason itself still quotes what it found

        string marker = id[^8..];
        string record = RecordFor(marker);
        Assert.Contains("[state] Refused a state", record);
        Assert.Contains("'dmg\\x00\\x0D\\x1B\\x7F\\x09id-" + marker + "'", record);
    }

    [Fact]
    public void A_refused_state_through_the_abi_is_logged_with_its_control_bytes_escaped()
    {
        SmApi api = ExportedApi.Table;
        nint handle;
        Assert.Equal(BridgeAbi.Ok, api.ProcessorCreate(&handle));
        try
        {
            string id = DamagedId();
            byte[] damaged = Damaged(id);
            ushort* error = stackalloc ushort[512];
            fixed (byte* data = damaged)
                Assert.Equal(BridgeAbi.Error, api.ProcessorLoadState(handle, data, damaged.Length, error, 512));
            // The host gets the reason escaped too: a raw NUL would end the NUL-terminated text at "'dmg".
            Assert.Contains("'dmg\\x00\\x0D\\x1B\\x7F\\x09id-" + id[^8..] + "' is not a number", ExportedApi.Text(error));
            Assert.Contains("\\x00\\x0D\\x1B\\x7F\\x09id-" + id[^8..], RecordFor(id[^8..]));

            // The controller side decodes the same bytes and logs its refusal too.
            string controllerId = DamagedId();
            byte[] forController = Damaged(controllerId);
            double* normalized = stackalloc double[SidemanPlugin.Parameters.Count];
            fixed (byte* data = forController)
                Assert.Equal(BridgeAbi.Error, api.StateToNormalized(data, forController.Length, normalized, SidemanPlugin.Parameters.Count, error, 512));
            Assert.Contains("\\x09id-" + controllerId[^8..] + "' is not a number", ExportedApi.Text(error));
            string record = RecordFor(controllerId[^8..]);
            Assert.Contains("Controller refused", record);
            Assert.Contains("\\x00\\x0D\\x1B\\x7F\\x09id-" + controllerId[^8..], record);
        }
        finally
        {
            api.ProcessorDestroy(handle);
        }
    }
}
