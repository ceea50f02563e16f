using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Sideman.Model.Onnx;

namespace Sideman.Model.Tests.Onnx;

/// <summary>
/// Sideman runs the ONNX Runtime library shipped beside its assembly, from the package it is built with,
/// even when another copy is already loaded in the process (another plugin's, in a DAW).
/// </summary>
[Collection(TestModelCollection.Name)]
public sealed class OwnRuntimeCopyTests(TestModelFixture fx) : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("sideman-ort-copy-").FullName;

    public void Dispose() => Directory.Delete(_tmp, recursive: true);

    [Fact]
    public void TheLibraryComesFromBesideTheModelAssemblyAndIsThePackagesRelease()
    {
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        string assemblyDir = Path.GetDirectoryName(typeof(TokenModelLoader).Assembly.Location)!;
        Assert.StartsWith(assemblyDir + Path.DirectorySeparatorChar, OrtNativeLibrary.Path, StringComparison.Ordinal);
        Assert.Equal(OrtNativeLibrary.FileName, Path.GetFileName(OrtNativeLibrary.Path));

        Version managed = typeof(OrtEnv).Assembly.GetName().Version!;
        Assert.StartsWith($"{managed.Major}.{managed.Minor}.", model.Info.RuntimeVersion, StringComparison.Ordinal);
        Assert.Equal(OrtNativeLibrary.Version, model.Info.RuntimeVersion);
    }

    [Fact]
    public void TheProcessMapsOurFileForTheModelItRuns()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc/self/maps is Linux's; the resolver test below holds everywhere
        }
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        Assert.True(float.IsFinite(model.Step(fx.Tokens[0])[0]));
        string ours = Path.GetFullPath(OrtNativeLibrary.Path);
        string[] mapped = File.ReadAllLines("/proc/self/maps")
            .Where(l => l.Contains(OrtNativeLibrary.FileName, StringComparison.Ordinal))
            .Select(l => l[l.IndexOf('/')..])
            .Distinct()
            .ToArray();
        Assert.Contains(ours, mapped);
        // Any other copy mapped is a decoy these tests loaded on purpose, never one found on the search path.
        Assert.All(mapped.Where(m => Path.GetFileName(m) == OrtNativeLibrary.FileName),
            m => Assert.True(m == ours || m.Contains("sideman-ort-copy-", StringComparison.Ordinal), m));
    }

    [Fact]
    public void OurResolverIsTheOneThePackageUses()
    {
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        // The package's own resolver (which searches the usual places) is off, and a resolver is registered: ours.
        Assert.True(OrtEnv.DisableDllImportResolver);
        Assert.Throws<InvalidOperationException>(() =>
            NativeLibrary.SetDllImportResolver(typeof(OrtEnv).Assembly, (_, _, _) => 0));
    }

    [Fact]
    public void ACopyLoadedEarlierElsewhereIsNotTheOneThePackageBindsTo()
    {
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        // Another plugin's copy: the same file at another path, loaded into the process.
        string decoy = Path.Combine(_tmp, OrtNativeLibrary.FileName);
        File.Copy(OrtNativeLibrary.Path, decoy);
        nint decoyHandle = NativeLibrary.Load(decoy);
        try
        {
            nint ours = NativeLibrary.Load(OrtNativeLibrary.Path); // the handle already loaded: same file, same handle
            nint resolved = OrtNativeLibrary.Resolve(OrtNativeLibrary.ImportName, typeof(OrtEnv).Assembly, null);
            Assert.NotEqual(decoyHandle, ours);
            Assert.Equal(ours, resolved);
            NativeLibrary.Free(ours);

            // Other names take the default way; only ONNX Runtime's own is pinned to our file.
            Assert.Equal(0, OrtNativeLibrary.Resolve("onnxruntime_extensions", typeof(OrtEnv).Assembly, null));

            // And the model still runs, with the same numbers, while the other copy is loaded.
            using ITokenModel again = TokenModelLoader.Load(fx.ModelPath);
            Assert.Equal(model.Step(fx.Tokens[0]).ToArray(), again.Step(fx.Tokens[0]).ToArray());
        }
        finally
        {
            NativeLibrary.Free(decoyHandle);
        }
    }
}
