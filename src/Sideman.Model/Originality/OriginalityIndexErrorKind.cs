namespace Sideman.Model.Originality;

/// <summary>Why an originality index file was refused.</summary>
public enum OriginalityIndexErrorKind
{
    /// <summary>The file does not exist or cannot be read.</summary>
    FileMissing,
    /// <summary>The file is not an index of this format version, or its content breaks the contract (size, order).</summary>
    FileDamaged,
    /// <summary>The index was built for another vocabulary than the one in use.</summary>
    VocabularyMismatch,
}
