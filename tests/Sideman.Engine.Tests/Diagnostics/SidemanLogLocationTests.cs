using Sideman.Engine.Diagnostics;

namespace Sideman.Engine.Tests.Diagnostics;

/// <summary>The managed log is the bridge's file on every system, so a user has one log to send.</summary>
public sealed class SidemanLogLocationTests
{
    private static Func<Environment.SpecialFolder, string> Folders(string localAppData, string profile) =>
        f => f switch
        {
            Environment.SpecialFolder.LocalApplicationData => localAppData,
            Environment.SpecialFolder.UserProfile => profile,
            _ => "",
        };

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Windows_logs_to_local_app_data_like_the_bridge()
    {
        string path = SidemanLog.DefaultPathFor(windows: true, Env(("XDG_CACHE_HOME", "/ignored")),
            Folders(@"C:\Users\Zoë Müller\AppData\Local", @"C:\Users\Zoë Müller"));
        Assert.Equal(Path.Combine(@"C:\Users\Zoë Müller\AppData\Local", "Sideman", "sideman.log"), path);
        Assert.DoesNotContain(".cache", path);
    }

    [Fact]
    public void Windows_falls_back_to_the_LOCALAPPDATA_variable()
    {
        string path = SidemanLog.DefaultPathFor(windows: true, Env(("LOCALAPPDATA", @"D:\Local")), Folders("", ""));
        Assert.Equal(Path.Combine(@"D:\Local", "Sideman", "sideman.log"), path);
    }

    [Fact]
    public void Linux_uses_an_absolute_XDG_cache_home_else_the_home_cache()
    {
        Assert.Equal("/x/cache/Sideman/sideman.log",
            SidemanLog.DefaultPathFor(false, Env(("XDG_CACHE_HOME", "/x/cache")), Folders("/local", "/home/u")));
        Assert.Equal("/home/u/.cache/Sideman/sideman.log",
            SidemanLog.DefaultPathFor(false, Env(("XDG_CACHE_HOME", "relative/cache")), Folders("/local", "/home/u")));
        Assert.Equal("/home/v/.cache/Sideman/sideman.log",
            SidemanLog.DefaultPathFor(false, Env(("HOME", "/home/v")), Folders("", "")));
    }
}
