using Sideman.Model.Decoding;

namespace Sideman.Engine.Live;

/// <summary>
/// The band's model, loaded once per process in the background and shared by every instance and part: the
/// ONNX weights, the vocabulary and the originality index (<see cref="GeneratorAssets"/>). Found in the
/// <c>models/</c> folder beside the plugin (<c>Contents/Resources/models</c> in the bundle; the checkout's
/// <c>models/</c> in development; <c>$SIDEMAN_MODELS</c> overrides). A missing or damaged file fails the task
/// with a message naming the file and what to do; the band then stays silent and the status says why. [any]
/// </summary>
public static class SharedBandModel
{
    private static readonly object Gate = new();
    private static Task<GeneratorAssets>? _load;

    /// <summary>The load, started on first call.</summary>
    public static Task<GeneratorAssets> Load()
    {
        lock (Gate)
            return _load ??= Task.Run(Open);
    }

    private static GeneratorAssets Open()
    {
        DefaultModelFiles files = DefaultModelFiles.LocateInstalled();
        if (files.Folder is null)
            throw new FileNotFoundException("Sideman's models folder (with vocab.json) was not found beside the plugin; reinstall Sideman (installer/install.sh).");
        if (files.ModelPath is null)
            throw new FileNotFoundException($"No model file (sideman-<version>.onnx) in {files.Folder}; reinstall Sideman (installer/install.sh).");
        if (files.VocabPath is null)
            throw new FileNotFoundException($"No vocab.json in {files.Folder}; reinstall Sideman (installer/install.sh).");
        if (files.IndexPath is null)
            throw new FileNotFoundException($"No originality index beside {files.ModelPath}: the band does not play without its guard against copying; reinstall Sideman.");
        return GeneratorAssets.Open(files.ModelPath, files.VocabPath, files.IndexPath);
    }
}
