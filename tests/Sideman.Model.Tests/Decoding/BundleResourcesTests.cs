using Sideman.Model.Decoding;

namespace Sideman.Model.Tests.Decoding;

/// <summary>
/// Each system's .NET publish lives in <c>Contents/&lt;arch&gt;/dotnet</c>; the model and sounds both systems share are
/// in <c>Contents/Resources</c>. The plugin must find them from either publish, and nothing else may look like a bundle.
/// </summary>
public sealed class BundleResourcesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sideman-bundle-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Make(string relative) => Directory.CreateDirectory(Path.Combine(_root, relative)).FullName;

    [Theory]
    [InlineData("x86_64-linux")]
    [InlineData("x86_64-win")]
    public void A_publish_in_the_bundle_finds_the_shared_resources(string arch)
    {
        string resources = Make("Zoë Müller/VST3 Plugins/Sideman.vst3/Contents/Resources");
        string program = Make($"Zoë Müller/VST3 Plugins/Sideman.vst3/Contents/{arch}/dotnet");
        Assert.Equal(resources, BundleResources.FolderFor(program));
        Assert.Equal(resources, BundleResources.FolderFor(program + Path.DirectorySeparatorChar));
    }

    [Fact]
    public void A_program_outside_a_bundle_keeps_its_own_folder()
    {
        string cli = Make("build/cli");
        Make("build/Resources");
        Assert.Equal(cli, BundleResources.FolderFor(cli));
        // A folder called dotnet that is not inside Contents/<arch>/ is not a bundle either.
        string dotnet = Make("opt/x/dotnet");
        Make("opt/Resources");
        Assert.Equal(dotnet, BundleResources.FolderFor(dotnet));
    }

    [Fact]
    public void A_bundle_without_its_resources_folder_falls_back_to_the_program_folder()
    {
        string program = Make("Sideman.vst3/Contents/x86_64-linux/dotnet");
        Assert.Equal(program, BundleResources.FolderFor(program));
    }
}
