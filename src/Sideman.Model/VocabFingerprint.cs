using System.Security.Cryptography;

namespace Sideman.Model;

/// <summary>The vocabulary's identity as the exporter records it: SHA-256 over vocab.json's bytes, lowercase hex.</summary>
public static class VocabFingerprint
{
    public static string OfFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelException(ModelErrorKind.VocabularyMismatch, $"vocabulary file {Path.GetFullPath(path)} does not exist.");
        }
        using FileStream f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }
}
