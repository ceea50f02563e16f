using Sideman.Model.Originality;
using Sideman.Model.Tokens;

namespace Sideman.Model.Decoding;

/// <summary>
/// What every part generator shares, loaded and cross-checked once: the model file (weights in memory
/// once), the vocabulary, the originality index and the density targets found beside the model. Opening checks
/// that they belong together and names the file and the problem otherwise (<see cref="ModelException"/>,
/// <see cref="VocabularyException"/>, <see cref="OriginalityIndexException"/>, <see cref="InvalidDataException"/>). Part generators made from it have their own caches and may
/// run on different threads.
/// </summary>
public sealed class GeneratorAssets : IDisposable
{
    private readonly TokenModelFile _model;

    private GeneratorAssets(TokenModelFile model, Vocabulary vocabulary, OriginalityIndex? index, DensityTargets? density)
    {
        _model = model;
        Vocabulary = vocabulary;
        Index = index;
        Density = density;
    }

    public ModelInfo ModelInfo => _model.Info;

    public Vocabulary Vocabulary { get; }

    /// <summary>The originality index, or null when the caller chose to run without the guard.</summary>
    public OriginalityIndex? Index { get; }

    /// <summary>The density targets beside the model (<see cref="DensityTargets.PathBeside"/>), or null when it has none: then bars are not steered.</summary>
    public DensityTargets? Density { get; }

    /// <summary>Loads the three files. <paramref name="indexPath"/> null runs without the originality guard. [main]/[generator]</summary>
    public static GeneratorAssets Open(string modelPath, string vocabPath, string? indexPath, TokenModelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentException.ThrowIfNullOrEmpty(vocabPath);
        Vocabulary vocabulary = Vocabulary.Load(vocabPath);
        TokenModelFile model = TokenModelFile.Open(modelPath, (options ?? new TokenModelOptions()) with { VocabPath = vocabPath });
        try
        {
            if (model.Info.VocabSize != vocabulary.Size)
            {
                throw new ModelException(ModelErrorKind.VocabularyMismatch,
                    $"model file {model.Info.Path} predicts {model.Info.VocabSize} tokens but vocabulary {Path.GetFullPath(vocabPath)} has {vocabulary.Size}. " +
                    "Install the model and vocab.json from the same release.");
            }
            OriginalityIndex? index = indexPath is null ? null : OriginalityIndex.Load(indexPath, model.Info.VocabSha256);
            string? densityPath = DensityTargets.PathBeside(modelPath);
            DensityTargets? density = densityPath is null ? null : DensityTargets.Load(densityPath, model.Info.VocabSha256);
            return new GeneratorAssets(model, vocabulary, index, density);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>A generator for one part with its own decoder (disposed with it). [main]/[generator]</summary>
    public PartGenerator CreatePart(PartHeader header, GeneratorSettings settings)
    {
        ITokenModel decoder = _model.CreateDecoder();
        try
        {
            return new PartGenerator(decoder, Vocabulary, header, settings, Index, ownsModel: true, Density);
        }
        catch
        {
            decoder.Dispose();
            throw;
        }
    }

    public void Dispose() => _model.Dispose();
}
