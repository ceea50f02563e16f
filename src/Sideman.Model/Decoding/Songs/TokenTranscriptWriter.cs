using System.Text.Json;

namespace Sideman.Model.Decoding.Songs;

/// <summary>
/// `--tokens-out`: one JSON object per line per part, for models/training/evaluate.py. Fields: part, style,
/// key (pitch class, -1 for drums), tempo_bucket, bars, tokens (ids, BOS ... EOS, the whole song even past
/// the model's context), vocab_sha256, model, model_version, seed, temperature, top_p, guard (index file or
/// null), musical_guard_attempts and beat_one_grace, and the generator's counters (the originality guard's and
/// the musical guard's). [main]
/// </summary>
public static class TokenTranscriptWriter
{
    public static void Write(string path, IReadOnlyList<GeneratedPart> parts, GeneratorAssets assets, GeneratorSettings settings, string? indexPath)
    {
        ArgumentNullException.ThrowIfNull(parts);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
            Directory.CreateDirectory(dir);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        foreach (GeneratedPart part in parts)
        {
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteString("part", Music.Patterns.PartRoles.Name(part.Header.Part));
                w.WriteString("style", part.Header.Style);
                w.WriteNumber("key", part.Header.KeyTonic);
                w.WriteNumber("tempo_bucket", part.Header.TempoBucket);
                w.WriteNumber("bars", part.Bars.Count);
                w.WriteStartArray("tokens");
                foreach (int t in part.Tokens)
                    w.WriteNumberValue(t);
                w.WriteEndArray();
                w.WriteString("vocab_sha256", assets.ModelInfo.VocabSha256);
                w.WriteString("model", Path.GetFileName(assets.ModelInfo.Path));
                w.WriteString("model_version", assets.ModelInfo.ModelVersion);
                w.WriteNumber("seed", settings.Seed);
                w.WriteNumber("temperature", settings.Sampling.Temperature);
                w.WriteNumber("top_p", settings.Sampling.TopP);
                w.WriteNumber("musical_guard_attempts", settings.MusicalGuard.Attempts);
                w.WriteNumber("beat_one_grace", settings.MusicalGuard.BeatOneGrace);
                w.WriteBoolean("repair_beat_one", settings.MusicalGuard.RepairBeatOne);
                if (indexPath is null)
                    w.WriteNull("guard");
                else
                    w.WriteString("guard", Path.GetFileName(indexPath));
                GenerationStats s = part.Stats;
                w.WriteStartObject("stats");
                w.WriteNumber("sampled_tokens", s.SampledTokens);
                w.WriteNumber("forced_tokens", s.ForcedTokens);
                w.WriteNumber("slides", s.Slides);
                w.WriteNumber("guard_checks", s.GuardChecks);
                w.WriteNumber("guard_rejections", s.GuardRejections);
                w.WriteNumber("perturbations", s.Perturbations);
                w.WriteNumber("musical_checks", s.MusicalChecks);
                w.WriteNumber("beat_one_rejections", s.BeatOneRejections);
                w.WriteNumber("strong_beat_rejections", s.StrongBeatRejections);
                w.WriteNumber("out_of_key_rejections", s.OutOfKeyRejections);
                w.WriteNumber("musical_resamples", s.MusicalResamples);
                w.WriteNumber("musical_refeeds", s.MusicalRefeeds);
                w.WriteNumber("musical_violations_kept", s.MusicalViolationsKept);
                w.WriteNumber("musical_stopped_early", s.MusicalStoppedEarly);
                w.WriteNumber("beat_one_repairs", s.BeatOneRepairs);
                w.WriteNumber("key_repairs", s.KeyRepairs);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
        }
    }
}
