using System.Diagnostics;

namespace Sideman.Synth.SoundFont;

/// <summary>What building the bundled subset produced.</summary>
public sealed record SubsetReport(string OutputPath, string LicensePath, long Bytes, int Presets, int Instruments,
    int Samples, TimeSpan BuildTime);

/// <summary>
/// Builds the bundled SoundFont: the presets of <see cref="BundledPresets"/> cut out of
/// FluidR3_GM by <see cref="SoundFontSubset"/>, written by <see cref="SoundFontWriter"/>, with the
/// MIT licence notice kept in INFO (ICOP/ICMT) and as a text file beside it. The installer (and
/// `sideman soundfont-subset`) call this.
/// </summary>
public static class BundledSoundFont
{
    /// <summary>The licence text written beside the subset.</summary>
    public static string LicenseText
    {
        get
        {
            var assembly = typeof(BundledSoundFont).Assembly;
            using var stream = assembly.GetManifestResourceStream("Sideman.Synth.SoundFont.Data.FluidR3_GM-LICENSE.txt")
                ?? throw new InvalidOperationException("The FluidR3_GM licence text is missing from Sideman.Synth.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>The licence file name for a subset path: "x/sideman-gm.sf2" → "x/sideman-gm.LICENSE.txt".</summary>
    public static string LicensePathFor(string soundFontPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(soundFontPath)) ?? ".",
            Path.GetFileNameWithoutExtension(soundFontPath) + ".LICENSE.txt");

    /// <summary>
    /// Reads the full bank, writes the subset and its licence file. Throws FileNotFoundException
    /// (with the apt package to install) when the source is missing. [main]
    /// </summary>
    public static SubsetReport Build(string sourcePath, string outputPath)
    {
        if (!File.Exists(sourcePath))
            throw new FileNotFoundException(
                $"The source SoundFont '{sourcePath}' does not exist. Install it with 'sudo apt-get install fluid-soundfont-gm' or pass another FluidR3_GM.sf2.",
                sourcePath);
        var watch = Stopwatch.StartNew();
        var source = SoundFontReader.Read(sourcePath);
        var subset = Make(source);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (dir != null) Directory.CreateDirectory(dir);

        // Write to a temporary name first so a failed run never leaves a half-written bank.
        string temp = outputPath + ".tmp";
        SoundFontWriter.Write(subset, temp);
        File.Move(temp, outputPath, overwrite: true);
        string licensePath = LicensePathFor(outputPath);
        File.WriteAllText(licensePath, LicenseText);
        return new SubsetReport(Path.GetFullPath(outputPath), licensePath, new FileInfo(outputPath).Length,
            subset.Presets.Count, subset.Instruments.Count, subset.Samples.Count, watch.Elapsed);
    }

    /// <summary>The subset of an already-read source bank. [main]</summary>
    public static SoundFontFile Make(SoundFontFile source)
    {
        string note = "Subset made by Sideman: only the presets Sideman uses, samples unchanged. "
                      + "Source: Fluid (R3) GM by Frank Wen, MIT licence (see the LICENSE file beside this bank).";
        var subset = SoundFontSubset.Build(source, BundledPresets.AllPresets, note);
        if (string.IsNullOrEmpty(subset.Info.Copyright))
            subset = new SoundFontFile(subset.Info with { Copyright = "Frank Wen 2000-2002, 2008; Toby Smithe 2008 (MIT licence)" },
                subset.Presets, subset.Instruments, subset.Samples, subset.SampleData);
        return subset;
    }
}
