using Sideman.Synth.SoundFont;

namespace Sideman.Tests.Shared;

/// <summary>
/// The bundled subset SoundFont for tests, as the installer builds it: cut from Debian's
/// FluidR3_GM (SIDEMAN_FLUIDR3 overrides the path) by <see cref="BundledSoundFont.Build"/> and
/// cached under the test output folder at sounds/sideman-gm.sf2, which is exactly where the plugin
/// looks for it beside its assembly. Rebuilt when the preset tables ask for a preset the cached
/// file lacks. A missing FluidR3 fails loudly, naming the package to install: tests that need the
/// band's sounds never pass by skipping.
/// </summary>
internal static class BundledSounds
{
    private static readonly object Gate = new();
    private static readonly Lazy<SoundFontBank> LazyBank = new(() => SoundFontBank.Load(EnsureBuilt()));

    public static string FluidR3 =>
        Environment.GetEnvironmentVariable("SIDEMAN_FLUIDR3") is { Length: > 0 } p ? p : BundledPresets.DebianSourcePath;

    public static string CachePath => Path.Combine(AppContext.BaseDirectory, "sounds", BundledPresets.SoundFontFileName);

    /// <summary>The subset bank (built on first use), shared: banks are immutable.</summary>
    public static SoundFontBank Bank => LazyBank.Value;

    /// <summary>Builds the cached subset when it is missing or stale; returns its path.</summary>
    public static string EnsureBuilt()
    {
        lock (Gate)
        {
            if (File.Exists(CachePath) && HoldsEveryPreset(CachePath))
                return CachePath;
            if (!File.Exists(FluidR3))
                throw new InvalidOperationException(
                    $"The band tests need the bundled sounds, built from {FluidR3}, which is missing. "
                    + "Install it with 'sudo apt-get install fluid-soundfont-gm' (installer/deps.sh does), or set SIDEMAN_FLUIDR3.");
            BundledSoundFont.Build(FluidR3, CachePath);
            return CachePath;
        }
    }

    private static bool HoldsEveryPreset(string path)
    {
        try
        {
            SoundFontFile file = SoundFontReader.Read(path);
            return BundledPresets.AllPresets.All(a => file.Presets.Any(p => p.Bank == a.Bank && p.Program == a.Program));
        }
        catch (Exception e) when (e is IOException or SoundFontFormatException)
        {
            return false;
        }
    }
}
