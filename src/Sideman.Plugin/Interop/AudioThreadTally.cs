using Sideman.Engine.Diagnostics;

namespace Sideman.Plugin.Interop;

/// <summary>
/// Managed bytes the host's process calls allocated since activation, and in how many blocks. The audio path is to
/// allocate nothing (a collection would pause the host's audio thread): the count is logged at every deactivation,
/// so a user's log shows it, and the native tests read it there (with the editor open and closing meanwhile).
/// <para>
/// The per-thread counter is not exact across a collection: one that runs during a call (started by another thread)
/// retires the audio thread's allocation context and can charge it the unused rest (up to ~8 KB, never allocated).
/// Such calls are counted apart and their bytes left out; a real allocation is made again in the calls after.
/// </para>
/// </summary>
internal sealed class AudioThreadTally
{
    private long _blocks, _bytes, _firstAt, _leftOut;

    /// <summary>[audio] One block that the counter says allocated <paramref name="bytes"/>, with or without a collection
    /// <paramref name="collectedMeanwhile"/> (plain adds: no lock, no allocation).</summary>
    public void Count(long bytes, bool collectedMeanwhile)
    {
        Volatile.Write(ref _blocks, _blocks + 1);
        if (bytes == 0)
            return;
        if (collectedMeanwhile)
        {
            Volatile.Write(ref _leftOut, _leftOut + 1);
            return;
        }
        if (_bytes == 0)
            Volatile.Write(ref _firstAt, _blocks);
        Volatile.Write(ref _bytes, _bytes + bytes);
    }

    /// <summary>[main] Starts counting again (after activation's warm-up blocks, which are not the host's).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _blocks, 0);
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _firstAt, 0);
        Interlocked.Exchange(ref _leftOut, 0);
    }

    public long Blocks => Interlocked.Read(ref _blocks);
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Calls whose count a collection made unreliable (their bytes are not in <see cref="Bytes"/>).</summary>
    public long LeftOut => Interlocked.Read(ref _leftOut);

    /// <summary>[main] At deactivation, when the host processed anything.</summary>
    public void Log()
    {
        if (Blocks > 0)
            SidemanLog.Shared.Info("process", $"The audio thread allocated {Bytes} managed bytes in {Blocks} process calls since activation" +
                (Bytes > 0 ? $" (the first in call {Interlocked.Read(ref _firstAt)})" : "") +
                (LeftOut > 0 ? $"; {LeftOut} calls that a collection ran through are left out." : "."));
    }
}
