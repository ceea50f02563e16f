using System.Text;

namespace Sideman.Editor.Input;

/// <summary>
/// A one-line text being edited: the characters and a caret. The text string is rebuilt only after a change,
/// so a focused field allocates nothing while the user is not typing.
/// </summary>
internal sealed class TextEdit
{
    private readonly StringBuilder _chars = new();
    private readonly int _maxLength;
    private string _text = "";
    private string _beforeCaret = "";
    private bool _dirty;

    public TextEdit(int maxLength) => _maxLength = maxLength;

    public int Caret { get; private set; }

    public string Text
    {
        get
        {
            Refresh();
            return _text;
        }
    }

    /// <summary>The text left of the caret (to measure where the caret is drawn).</summary>
    public string BeforeCaret
    {
        get
        {
            Refresh();
            return _beforeCaret;
        }
    }

    public void Start(string text)
    {
        _chars.Clear().Append(text.Length > _maxLength ? text[.._maxLength] : text);
        Caret = _chars.Length;
        _dirty = true;
    }

    /// <summary>Applies an editing key; false for keys that end editing (Enter, Escape, Tab) or that it does not know.</summary>
    public bool Apply(EditorKey key, char character)
    {
        switch (key)
        {
            case EditorKey.Character when !char.IsControl(character) && _chars.Length < _maxLength:
                _chars.Insert(Caret++, character);
                break;
            case EditorKey.Character:
                return true; // a control character or a full field: swallowed, since the field has focus
            case EditorKey.Backspace when Caret > 0:
                _chars.Remove(--Caret, 1);
                break;
            case EditorKey.Delete when Caret < _chars.Length:
                _chars.Remove(Caret, 1);
                break;
            case EditorKey.Left:
                Caret = Math.Max(0, Caret - 1);
                break;
            case EditorKey.Right:
                Caret = Math.Min(_chars.Length, Caret + 1);
                break;
            case EditorKey.Home:
                Caret = 0;
                break;
            case EditorKey.End:
                Caret = _chars.Length;
                break;
            case EditorKey.Backspace or EditorKey.Delete:
                return true;
            default:
                return false;
        }
        _dirty = true;
        return true;
    }

    private void Refresh()
    {
        if (!_dirty)
            return;
        _text = _chars.ToString();
        _beforeCaret = _text[..Caret];
        _dirty = false;
    }
}
