namespace Sideman.Editor.Layout;

/// <summary>A panel drawn over the lanes; while one is open, a click inside it reaches only its own controls.</summary>
public enum Overlay
{
    None,
    Provenance,
    SoundFonts,
}
