using System.Globalization;
using Sideman.Engine.Band;
using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Prompt;

/// <summary>
/// Turns a line of text ("laid-back bossa, sparse, warm keys") into band settings by a fixed vocabulary
/// (<see cref="PromptVocabulary"/>): the same text always gives the same settings. Case and punctuation do not
/// matter; the longest known phrase wins ("classical guitar" is a sound, not the style); when two words set
/// the same thing the later one wins and the earlier is reported as overridden. Never throws.
/// </summary>
public static class PromptMapping
{
    /// <summary>Text past this many characters is not read (a prompt is one line).</summary>
    public const int MaxLength = 1000;

    private readonly record struct Token(string Word, string Typed, bool IsNumber, double Number);

    private sealed class Builder
    {
        public int? Style;
        public double? Energy, Swing, Humanize;
        public readonly int?[] Presets = new int?[5];
        public readonly string?[] Sources = new string?[9]; // which words set each setting (style, energy, swing, humanize, 5 parts)
        public readonly List<string> Understood = [], Ignored = [], Overridden = [];
    }

    public static PromptResult Map(string? text)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(text))
                return PromptResult.Empty;
            List<Token> tokens = Tokenize(text.Length > MaxLength ? text[..MaxLength] : text);
            return Interpret(tokens);
        }
        catch (Exception ex)
        {
            // A vocabulary bug must not reach the user as an exception; say so in the feedback instead.
            return new PromptResult(null, null, null, null, new int?[5], [], [$"(the prompt could not be read: {ex.Message})"], []);
        }
    }

    private static PromptResult Interpret(List<Token> tokens)
    {
        var b = new Builder();
        for (int i = 0; i < tokens.Count;)
        {
            Token t = tokens[i];
            if (PromptVocabulary.NumberWords.TryGetValue(t.Word, out PromptSetting numbered) && i + 1 < tokens.Count && tokens[i + 1].IsNumber)
            {
                Token n = tokens[i + 1];
                double max = numbered == PromptSetting.Energy ? 4 : 100;
                if (n.Number >= 0 && n.Number <= max)
                    Apply(b, new PromptEffect(numbered, n.Number), $"{t.Typed} {n.Typed}");
                else
                    b.Ignored.Add($"{t.Typed} {n.Typed} (0..{max})");
                i += 2;
                continue;
            }
            if (PromptVocabulary.Intensifiers.Contains(t.Word) && i + 1 < tokens.Count
                && Match(tokens, i + 1, out PromptEffect[]? next, out int nextLength) && next!.Length == 1 && next[0].Setting == PromptSetting.Energy)
            {
                double level = next[0].Value;
                double pushed = level < 2 ? Math.Max(0, level - 1) : level > 2 ? Math.Min(4, level + 1) : level;
                Apply(b, new PromptEffect(PromptSetting.Energy, pushed), Typed(tokens, i, nextLength + 1));
                i += nextLength + 1;
                continue;
            }
            if (Match(tokens, i, out PromptEffect[]? effects, out int length))
            {
                string phrase = Typed(tokens, i, length);
                foreach (PromptEffect e in effects!)
                    Apply(b, e, phrase);
                i += length;
                continue;
            }
            if (!PromptVocabulary.Fillers.Contains(t.Word))
                b.Ignored.Add(t.Typed);
            i++;
        }
        return new PromptResult(b.Style, b.Energy, b.Swing, b.Humanize, b.Presets, b.Understood, b.Ignored, b.Overridden);
    }

    /// <summary>The longest phrase starting at <paramref name="start"/> that the vocabulary knows.</summary>
    private static bool Match(List<Token> tokens, int start, out PromptEffect[]? effects, out int length)
    {
        for (length = Math.Min(PromptVocabulary.MaxPhraseWords, tokens.Count - start); length > 0; length--)
        {
            string phrase = length == 1 ? tokens[start].Word : string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Word));
            if (PromptVocabulary.Phrases.TryGetValue(phrase, out effects))
                return true;
        }
        effects = null;
        return false;
    }

    private static void Apply(Builder b, PromptEffect effect, string phrase)
    {
        int slot;
        string meaning;
        bool changed;
        switch (effect.Setting)
        {
            case PromptSetting.Style:
                slot = 0;
                changed = b.Style is int old0 && old0 != (int)effect.Value;
                b.Style = (int)effect.Value;
                meaning = $"style {BandStyles.Names[(int)effect.Value]}";
                break;
            case PromptSetting.Energy:
                slot = 1;
                changed = b.Energy is double old1 && old1 != effect.Value;
                b.Energy = effect.Value;
                meaning = $"energy {Number(effect.Value)}";
                break;
            case PromptSetting.Swing:
                slot = 2;
                changed = b.Swing is double old2 && old2 != effect.Value;
                b.Swing = effect.Value;
                meaning = $"swing {Number(effect.Value)}%";
                break;
            case PromptSetting.Humanize:
                slot = 3;
                changed = b.Humanize is double old3 && old3 != effect.Value;
                b.Humanize = effect.Value;
                meaning = $"humanize {Number(effect.Value)}%";
                break;
            default:
                int part = (int)effect.Part;
                slot = 4 + part;
                changed = b.Presets[part] is int old4 && old4 != (int)effect.Value;
                b.Presets[part] = (int)effect.Value;
                meaning = $"{effect.Part.ToString().ToLowerInvariant()} {BandPresets.PresetNames(effect.Part)[(int)effect.Value]}";
                break;
        }
        if (changed)
            b.Overridden.Add($"{b.Sources[slot]}, replaced by {phrase}");
        b.Sources[slot] = phrase;
        b.Understood.Add($"{phrase}: {meaning}");
    }

    /// <summary>
    /// Words are runs of letters, digits, '&amp;' and apostrophes, lower-cased; everything else (commas, hyphens,
    /// slashes) separates them. A number keeps its decimal point and may end in '%'.
    /// </summary>
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (text[i] is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && i > start && char.IsAsciiDigit(text[i - 1]))))
                i++;
            bool percent = i < text.Length && text[i] == '%';
            string typed = text[start..i].Trim('\'');
            if (percent)
                i++;
            if (typed.Length == 0)
                continue;
            string word = typed.ToLowerInvariant();
            bool isNumber = double.TryParse(word.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number);
            tokens.Add(new Token(word, percent ? typed + "%" : typed, isNumber, number));
        }
        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '&' or '\'';

    private static string Typed(List<Token> tokens, int start, int length) =>
        length == 1 ? tokens[start].Typed : string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Typed));

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
