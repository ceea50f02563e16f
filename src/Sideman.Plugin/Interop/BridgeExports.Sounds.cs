using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sideman.Engine.Band;
using Sideman.Synth.SoundFont;

namespace Sideman.Plugin.Interop;

// [main] The user's own SoundFont per part, and the sound status for the controller.
public static unsafe partial class BridgeExports
{
    /// <summary>
    /// Plays a user SoundFont on a part (<paramref name="path"/> null or empty: the bundled sound again).
    /// SM_OK: loaded and playing. SM_FALSE: the file cannot be used; the bundled sound plays, the path
    /// is kept in the state and the reason is in <paramref name="message"/>. SM_INVALID_ARGUMENT: no
    /// such processor or part.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int ProcessorSetPartSoundFont(nint handle, int part, ushort* path, ushort* message, int messageCapacity)
    {
        try
        {
            NativeProcessor? instance = NativeProcessor.FromHandle(handle);
            if (instance is null)
                return Reject(message, messageCapacity, BridgeAbi.InvalidArgument, "No processor: the handle is null or stale.");
            if ((uint)part >= BandSynth.PartCount)
                return Reject(message, messageCapacity, BridgeAbi.InvalidArgument,
                    $"Part {part} does not exist; parts are 0..{BandSynth.PartCount - 1} (Drums, Bass, Keys, Pad, Arp).");
            instance.FlushDiagnostics();
            string? file = path == null ? null : Utf16Text.Read(path);
            bool loaded;
            string? problem;
            lock (instance.MainLock) // state load and activation touch the same sound library
                loaded = instance.Processor.SetPartSoundFont((BandPart)part, file, out problem);
            if (loaded)
            {
                Utf16Text.Write("", message, messageCapacity);
                return BridgeAbi.Ok;
            }
            return Reject(message, messageCapacity, BridgeAbi.False, problem ?? "The SoundFont could not be used.");
        }
        catch (Exception ex)
        {
            Utf16Text.Write($"Internal error while setting a part's SoundFont: {ex.Message}", message, messageCapacity);
            return Fail(nameof(ProcessorSetPartSoundFont), ex);
        }
    }

    /// <summary>
    /// The sound status as text, one message per line. SM_OK with an empty text: every part plays what
    /// was chosen. SM_FALSE: there is something to tell the user (sounds loading or missing, a user
    /// SoundFont that fell back). SM_INVALID_ARGUMENT: no such processor or no buffer.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int ProcessorGetStatus(nint handle, ushort* text, int capacity)
    {
        try
        {
            NativeProcessor? instance = NativeProcessor.FromHandle(handle);
            if (instance is null || text == null || capacity <= 0)
                return BridgeAbi.InvalidArgument;
            instance.FlushDiagnostics();
            SoundStatus status;
            lock (instance.MainLock)
                status = instance.Processor.Status;
            Utf16Text.Write(status.Text, text, capacity);
            return status.IsClear ? BridgeAbi.Ok : BridgeAbi.False;
        }
        catch (Exception ex)
        {
            return Fail(nameof(ProcessorGetStatus), ex);
        }
    }
}
