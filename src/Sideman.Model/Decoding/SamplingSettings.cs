namespace Sideman.Model.Decoding;

/// <summary>How adventurous sampling is. Temperature 0 means always the most likely allowed token.</summary>
public readonly record struct SamplingSettings(float Temperature, float TopP)
{
    public static SamplingSettings Default => new(1.0f, 0.95f);

    public void Validate()
    {
        if (!(Temperature >= 0 && Temperature <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "temperature must be in 0..10");
        }
        if (!(TopP > 0 && TopP <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TopP), TopP, "top-p must be in (0, 1]");
        }
    }
}
