using SkiaSharp;

namespace Sideman.Editor.Drawing;

/// <summary>
/// A label showing a number: it formats (and allocates a string) only when the number changes, so a frame
/// whose values stay put allocates nothing. Pass a static lambda as the format, which is allocated once.
/// </summary>
internal sealed class ValueLabel : IDisposable
{
    private readonly TextLabel _label;
    private double _key = double.NaN;
    private bool _set;

    public ValueLabel(SKFont font) => _label = new TextLabel(font);

    public TextLabel Update(double value, Func<double, string> format)
    {
        if (!_set || !value.Equals(_key))
        {
            _key = value;
            _set = true;
            _label.Set(format(value));
        }
        return _label;
    }

    public void Dispose() => _label.Dispose();
}
