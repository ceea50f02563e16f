namespace Sideman.Synth.Tests.Support;

/// <summary>Where the tests find the real FluidR3 bank and their fixtures.</summary>
internal static class TestPaths
{
    /// <summary>Debian's fluid-soundfont-gm bank (CI installs it; SIDEMAN_FLUIDR3 overrides the path).</summary>
    public static string FluidR3 =>
        Environment.GetEnvironmentVariable("SIDEMAN_FLUIDR3") is { Length: > 0 } p ? p : "/usr/share/sounds/sf2/FluidR3_GM.sf2";

    public static bool HasFluidR3 => File.Exists(FluidR3);

    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);
}
