namespace Sideman.Editor.Input;

/// <summary>The keys the editor acts on; <see cref="Character"/> carries typed text. Everything else is left to the host.</summary>
public enum EditorKey
{
    Character,
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Enter,
    Escape,
    Tab,
}
