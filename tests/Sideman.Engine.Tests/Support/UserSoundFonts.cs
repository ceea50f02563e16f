using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Support;

/// <summary>SoundFont files a user might load: a small valid one, a damaged one, a missing path. Each in its own temp folder.</summary>
public sealed class UserSoundFonts : IDisposable
{
    public UserSoundFonts()
    {
        Folder = Directory.CreateTempSubdirectory("sideman-user-sf2-").FullName;
        // A one-preset bank: the saw lead (0:81) cut from the bundled sounds.
        Valid = Path.Combine(Folder, "My Lead ü.sf2");
        SoundFontWriter.Write(SoundFontSubset.Build(BundledSounds.Bank.File, [new PresetAddress(0, 81)], "test bank"), Valid);
        // The same file cut short in its sample data.
        Damaged = Path.Combine(Folder, "damaged.sf2");
        byte[] bytes = File.ReadAllBytes(Valid);
        File.WriteAllBytes(Damaged, bytes[..(bytes.Length / 3)]);
        Missing = Path.Combine(Folder, "not-there.sf2");
    }

    public string Folder { get; }
    public string Valid { get; }
    public string Damaged { get; }
    public string Missing { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
