using System.Globalization;
using Sideman.Editor.Layout;
using Sideman.Editor.Model;
using Sideman.Editor.Provenance;
using SkiaSharp;

namespace Sideman.Editor.Drawing;

/// <summary>
/// "Where the music comes from": what the model card says (sources, licences, shares, the weights' licence,
/// the project-authored share), the originality guard's counters since the plugin was loaded, and where the
/// full attribution list is. Drawn over the lanes while open. Its texts are shaped once, when it is made.
/// </summary>
internal sealed class ProvenancePainter : IDisposable
{
    private const int MaxSources = 8, MaxProblems = 3;
    private const float Line = 17;

    private readonly Ink _ink;
    private readonly EditorLayout _layout;
    private readonly TextLabel _title, _close, _model, _licence, _authored, _sourcesHeading, _sourceColumn, _licenceColumn, _shareColumn, _guardCaption, _attribution;
    private readonly TextLabel[] _sourceNames, _sourceLicences, _sourceShares, _problems;
    private readonly ValueLabel _guard;
    private readonly int _sources, _problemCount;

    public ProvenancePainter(Ink ink, EditorLayout layout, ProvenanceInfo info)
    {
        _ink = ink;
        _layout = layout;
        _title = new TextLabel(ink.Heading, "Where the music comes from");
        _close = new TextLabel(ink.Strong, "✕");
        _model = new TextLabel(ink.Normal, info.ModelName.Length > 0 ? $"Model: {info.ModelName}" : "Model: unknown (see below)");
        _licence = new TextLabel(ink.Strong, info.WeightsLicence.Length > 0 ? $"Licence of the weights: {info.WeightsLicence}" : "Licence of the weights: not stated");
        _authored = new TextLabel(ink.Normal, info.ProjectAuthoredShare.Length > 0
            ? $"Project-authored (the Sideman style library, CC0): {info.ProjectAuthoredShare}" : "Project-authored share: not stated");
        _sourcesHeading = new TextLabel(ink.Strong, "Training sources");
        _sourceColumn = new TextLabel(ink.Small, "source");
        _licenceColumn = new TextLabel(ink.Small, "licences of its files");
        _shareColumn = new TextLabel(ink.Small, "share of tokens");
        _sources = Math.Min(MaxSources, info.Sources.Count);
        _sourceNames = new TextLabel[_sources];
        _sourceLicences = new TextLabel[_sources];
        _sourceShares = new TextLabel[_sources];
        for (int i = 0; i < _sources; i++)
        {
            _sourceNames[i] = new TextLabel(ink.Normal, info.Sources[i].Name);
            _sourceLicences[i] = new TextLabel(ink.Small, info.Sources[i].Licences);
            _sourceShares[i] = new TextLabel(ink.Normal, info.Sources[i].Share);
        }
        _guardCaption = new TextLabel(ink.Strong, "Originality guard since the plugin was loaded:");
        _guard = new ValueLabel(ink.Normal);
        string entries = info.AttributionEntries >= 0 ? $" ({info.AttributionEntries.ToString("N0", CultureInfo.InvariantCulture)} files)" : "";
        _attribution = new TextLabel(ink.Normal, $"Every file that contributed, with its licence and credit{entries}: {info.AttributionPath}");
        _problemCount = Math.Min(MaxProblems, info.Problems.Count);
        _problems = new TextLabel[_problemCount];
        for (int i = 0; i < _problemCount; i++)
            _problems[i] = new TextLabel(ink.Normal, info.Problems[i]);
    }

    public void Draw(SKCanvas canvas, IEditorSnapshot s)
    {
        SKRect r = _layout.ProvenancePanel;
        Widgets.Panel(canvas, _ink, r, _layout.Find(ControlKind.ProvenanceClose).Bounds, _close);
        canvas.Save();
        canvas.ClipRect(new SKRect(r.Left + 4, r.Top + 4, r.Right - 34, r.Bottom - 4));
        float x = r.Left + 14, y = r.Top + 24;
        _title.Draw(canvas, x, y, _ink.TextOf(Palette.Accent));
        y += Line + 6;
        for (int i = 0; i < _problemCount; i++, y += Line)
            _problems[i].Draw(canvas, x, y, _ink.TextOf(Palette.Warning));
        _model.Draw(canvas, x, y, _ink.TextOf(Palette.Text));
        y += Line;
        _licence.Draw(canvas, x, y, _ink.TextOf(Palette.Text));
        y += Line;
        _authored.Draw(canvas, x, y, _ink.TextOf(Palette.Text));
        y += Line + 6;

        float licenceX = x + Math.Min(330, r.Width * 0.38f), shareX = r.Right - 44;
        _sourcesHeading.Draw(canvas, x, y, _ink.TextOf(Palette.Text));
        y += Line - 2;
        _sourceColumn.Draw(canvas, x, y, _ink.TextOf(Palette.TextDim));
        _licenceColumn.Draw(canvas, licenceX, y, _ink.TextOf(Palette.TextDim));
        _shareColumn.Draw(canvas, shareX, y, _ink.TextOf(Palette.TextDim), TextAlign.Right);
        y += Line - 2;
        for (int i = 0; i < _sources; i++, y += Line - 1)
        {
            Clipped(canvas, _sourceNames[i], x, y, licenceX - 8, Palette.Text);
            Clipped(canvas, _sourceLicences[i], licenceX, y, shareX - 60, Palette.TextDim);
            _sourceShares[i].Draw(canvas, shareX, y, _ink.TextOf(Palette.Text), TextAlign.Right);
        }
        y += 6;
        _guardCaption.Draw(canvas, x, y, _ink.TextOf(Palette.Text));
        // Both counters in one key (checked in the high part), so the text is rebuilt only when one changes.
        double key = s.GuardBarsChecked * 1_000_000.0 + Math.Min(999_999, s.GuardCopiesRejected);
        _guard.Update(key, static k =>
        {
            long checkedBars = (long)Math.Floor(k / 1_000_000), rejected = (long)(k % 1_000_000);
            return $"{checkedBars.ToString("N0", CultureInfo.InvariantCulture)} bars checked, {rejected.ToString("N0", CultureInfo.InvariantCulture)} copies rejected";
        }).Draw(canvas, x + _guardCaption.Width + 8, y, _ink.TextOf(Palette.Text));
        y += Line;
        _attribution.Draw(canvas, x, y, _ink.TextOf(Palette.TextDim));
        canvas.Restore();
    }

    private void Clipped(SKCanvas canvas, TextLabel label, float x, float y, float right, SKColor color)
    {
        canvas.Save();
        canvas.ClipRect(new SKRect(x, y - 14, right, y + 5));
        label.Draw(canvas, x, y, _ink.TextOf(color));
        canvas.Restore();
    }

    public void Dispose()
    {
        foreach (TextLabel l in new[] { _title, _close, _model, _licence, _authored, _sourcesHeading, _sourceColumn, _licenceColumn, _shareColumn, _guardCaption, _attribution })
            l.Dispose();
        foreach (TextLabel[] list in new[] { _sourceNames, _sourceLicences, _sourceShares, _problems })
        {
            foreach (TextLabel l in list)
                l.Dispose();
        }
        _guard.Dispose();
    }
}
