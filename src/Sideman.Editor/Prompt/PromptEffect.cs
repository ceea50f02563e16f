using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Prompt;

/// <summary>What a prompt word sets.</summary>
public enum PromptSetting
{
    Style,
    Energy,
    Swing,
    Humanize,
    Sound,
}

/// <summary>
/// One setting a word or phrase makes: a style (Value = its step of <c>band.style</c>), energy 0..4, swing or
/// humanize in %, or a part's sound (Value = its step of the part's Preset parameter).
/// </summary>
public readonly record struct PromptEffect(PromptSetting Setting, double Value, BandPart Part = BandPart.Drums);
