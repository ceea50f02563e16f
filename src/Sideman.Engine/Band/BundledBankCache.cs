using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Band;

/// <summary>
/// Loads the bundled SoundFont once per process, on a pool thread, however many plugin
/// instances ask for it: banks are immutable, so every instance shares one. A failed load is
/// forgotten, so the next request reads the file again (after a reinstall, say). [any]
/// </summary>
public static class BundledBankCache
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, Task<SoundFontBank>> Loads = new(StringComparer.Ordinal);

    /// <summary>The load of <paramref name="path"/>, started now or earlier.</summary>
    public static Task<SoundFontBank> Load(string path)
    {
        string full = Path.GetFullPath(path);
        lock (Gate)
        {
            if (Loads.TryGetValue(full, out Task<SoundFontBank>? existing) && !existing.IsFaulted && !existing.IsCanceled)
                return existing;
            Task<SoundFontBank> load = Task.Run(() => SoundFontBank.Load(full));
            Loads[full] = load;
            return load;
        }
    }
}
