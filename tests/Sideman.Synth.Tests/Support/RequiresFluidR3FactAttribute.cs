namespace Sideman.Synth.Tests.Support;

/// <summary>A fact that needs FluidR3_GM.sf2; skipped, saying why, only when the file is absent.</summary>
public sealed class RequiresFluidR3FactAttribute : FactAttribute
{
    public RequiresFluidR3FactAttribute()
    {
        if (!TestPaths.HasFluidR3)
            Skip = $"{TestPaths.FluidR3} is absent: install Debian's fluid-soundfont-gm (apt-get install fluid-soundfont-gm).";
    }
}

/// <summary>A theory that needs FluidR3_GM.sf2; skipped, saying why, only when the file is absent.</summary>
public sealed class RequiresFluidR3TheoryAttribute : TheoryAttribute
{
    public RequiresFluidR3TheoryAttribute()
    {
        if (!TestPaths.HasFluidR3)
            Skip = $"{TestPaths.FluidR3} is absent: install Debian's fluid-soundfont-gm (apt-get install fluid-soundfont-gm).";
    }
}
