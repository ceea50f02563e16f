using System.Globalization;
using System.Text.Json;
using Sideman.Music.Patterns;

namespace Sideman.Model.Decoding;

/// <summary>
/// How many notes (drum hits for drums) a bar holds at each energy level 0..4, per style and part, in the model's training
/// data: <c>models/sideman-&lt;version&gt;.density.json</c>, written by <c>models/training/density_targets.py</c> and read
/// beside the model. The generator steers each bar towards its level's figure (<see cref="GeneratorSettings.DensitySteering"/>),
/// so energy rises for every style and part as the data's does. Every row rises; a style without a part of its own takes the
/// part's figure over all styles. Immutable once loaded; lookups allocate nothing. [any]
/// </summary>
public sealed class DensityTargets
{
    public const string Format = "sideman-density";
    public const int Levels = 5;

    private readonly Dictionary<(string Style, PartRole Part), float[]> _rows;
    private readonly Dictionary<PartRole, float[]> _fallback;

    private DensityTargets(string path, Dictionary<(string, PartRole), float[]> rows, Dictionary<PartRole, float[]> fallback)
    {
        SourcePath = path;
        _rows = rows;
        _fallback = fallback;
    }

    public string SourcePath { get; }

    /// <summary>The file beside a model (<c>sideman-0.4.0.onnx</c> → <c>sideman-0.4.0.density.json</c>), or null when there is none.</summary>
    public static string? PathBeside(string modelPath)
    {
        string candidate = Path.ChangeExtension(modelPath, ".density.json");
        return File.Exists(candidate) ? candidate : null;
    }

    /// <summary>A part's five figures in a style (the part's figures over all styles for a style the file does not name).</summary>
    public ReadOnlySpan<float> Row(string style, PartRole part) => RowOrNull(style, part) ?? [];

    internal float[]? RowOrNull(string style, PartRole part) =>
        _rows.TryGetValue((style, part), out float[]? row) ? row : _fallback.TryGetValue(part, out float[]? any) ? any : null;

    /// <summary>
    /// Reads and checks the file: its format, the vocabulary it was made with (<paramref name="vocabSha256"/>), five rising
    /// positive figures per row. Throws <see cref="InvalidDataException"/> naming the file and what is wrong.
    /// </summary>
    public static DensityTargets Load(string path, string vocabSha256)
    {
        string full = Path.GetFullPath(path);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw Problem(full, $"cannot be read ({e.Message})", e);
        }
        using (doc)
        {
            try
            {
                JsonElement root = doc.RootElement;
                if (root.GetProperty("format").GetString() != Format || root.GetProperty("version").GetInt32() != 1)
                    throw Problem(full, $"is not a {Format} file of version 1");
                string? madeWith = root.GetProperty("vocab_sha256").GetString();
                if (!string.Equals(madeWith, vocabSha256, StringComparison.OrdinalIgnoreCase))
                    throw Problem(full, $"was made for vocabulary {Short(madeWith)}, not the model's {Short(vocabSha256)}: install the files of one release");
                var fallback = new Dictionary<PartRole, float[]>();
                foreach (JsonProperty part in root.GetProperty("fallback").EnumerateObject())
                    fallback[ParsePart(full, part.Name)] = ParseRow(full, $"fallback.{part.Name}", part.Value);
                var rows = new Dictionary<(string, PartRole), float[]>();
                foreach (JsonProperty style in root.GetProperty("styles").EnumerateObject())
                {
                    foreach (JsonProperty part in style.Value.EnumerateObject())
                        rows[(style.Name, ParsePart(full, part.Name))] = ParseRow(full, $"styles.{style.Name}.{part.Name}", part.Value);
                }
                return new DensityTargets(full, rows, fallback);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw Problem(full, $"is damaged ({e.Message})", e);
            }
        }
    }

    private static PartRole ParsePart(string path, string name) =>
        PartRoles.TryParse(name, out PartRole part) ? part : throw Problem(path, $"names an unknown part '{name}'");

    private static float[] ParseRow(string path, string where, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != Levels)
            throw Problem(path, $"{where} needs {Levels} figures, one per energy level");
        var row = new float[Levels];
        int i = 0;
        foreach (JsonElement e in value.EnumerateArray())
        {
            double v = e.GetDouble();
            if (!double.IsFinite(v) || v <= 0 || v > 1000)
                throw Problem(path, $"{where}[{i}] = {v.ToString(CultureInfo.InvariantCulture)} is not a count of notes per bar");
            if (i > 0 && v < row[i - 1])
                throw Problem(path, $"{where} falls from level {i - 1} to {i}: the figures must rise with the energy");
            row[i++] = (float)v;
        }
        return row;
    }

    private static string Short(string? sha) => sha is null ? "(none)" : sha[..Math.Min(12, sha.Length)] + "…";

    private static InvalidDataException Problem(string path, string what, Exception? inner = null) =>
        new($"density targets {path} {what}", inner);
}
