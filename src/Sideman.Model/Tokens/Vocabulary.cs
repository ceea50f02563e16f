using Sideman.Music.Time;
using System.Text.Json;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tokens;

/// <summary>
/// The token vocabulary, read from models/vocab.json (the single source of truth shared with
/// the Python training code). Loading checks the file against this build's domain types:
/// chord qualities and their tables, part and section names, registers and the tick grid. Any
/// damage or mismatch is a <see cref="VocabularyException"/> naming the file. Immutable after
/// loading; safe to share between threads.
/// </summary>
public sealed class Vocabulary
{
    public const string Format = "sideman-vocab";

    private readonly Token[] _tokens;
    private readonly Dictionary<string, int> _byName;
    private readonly Dictionary<string, int>[] _attributes;
    private readonly (int First, int Count)[] _ranges;
    private readonly string[] _styles;
    private readonly Dictionary<int, int> _drumTokenByGmNote = new();
    private readonly int[] _durations;
    private readonly (int Min, int Max, int Value)[] _velocityBuckets;
    private readonly (double Min, double Max)[] _tempoBuckets;

    private Vocabulary(string path, JsonElement root)
    {
        SourcePath = path;
        string format = Str(root, "format");
        if (format != Format)
            throw new VocabularyException(path, $"format is '{format}', expected '{Format}'");
        Version = Int(root, "version");
        TicksPerQuarter = Int(root, "ticks_per_quarter");
        MicroUnitsPerTick = Int(root, "micro_units_per_tick");
        MaxSequenceTokens = Int(root, "max_sequence_tokens");
        if (TicksPerQuarter != PatternGrid.TicksPerQuarter || MicroUnitsPerTick != PatternGrid.MicroUnitsPerTick)
            throw new VocabularyException(path, $"tick grid {TicksPerQuarter}/{MicroUnitsPerTick} differs from this build's "
                                                + $"{PatternGrid.TicksPerQuarter}/{PatternGrid.MicroUnitsPerTick}");

        var tokens = Prop(root, "tokens");
        int size = Int(root, "size");
        if (tokens.ValueKind != JsonValueKind.Array || tokens.GetArrayLength() != size)
            throw new VocabularyException(path, $"'tokens' must be an array of 'size' ({size}) entries");
        _tokens = new Token[size];
        _attributes = new Dictionary<string, int>[size];
        _byName = new Dictionary<string, int>(size, StringComparer.Ordinal);
        _ranges = new (int, int)[Enum.GetValues<TokenKind>().Length];
        Array.Fill(_ranges, (-1, 0));
        var styles = new List<string>();
        int i = 0;
        foreach (var t in tokens.EnumerateArray())
        {
            _tokens[i] = ReadToken(t, i, styles);
            i++;
        }
        _styles = styles.ToArray();
        CheckRanges(root);
        Pad = Special(root, "pad", TokenKind.Pad);
        Bos = Special(root, "bos", TokenKind.Bos);
        Eos = Special(root, "eos", TokenKind.Eos);
        Bar = Range(TokenKind.Bar).First;
        NoChord = Range(TokenKind.NoChord).First;

        CheckQualities(Prop(root, "qualities"));
        CheckRegisters(Prop(root, "register_centres"));
        foreach (var kv in Prop(root, "drum_map").EnumerateObject())
        {
            if (!int.TryParse(kv.Name, out int note) || !_byName.TryGetValue("DRUM_" + kv.Value.GetString(), out int id))
                throw new VocabularyException(path, $"drum_map entry {kv.Name} -> {kv.Value} names no DRUM token");
            _drumTokenByGmNote[note] = id;
        }
        _durations = KindTokens(TokenKind.Duration).Select(t => t.Value).ToArray();
        _velocityBuckets = KindTokens(TokenKind.Velocity)
            .Select(t => (_attributes[t.Id]["min"], _attributes[t.Id]["max"], t.Value)).ToArray();
        _tempoBuckets = tokens.EnumerateArray().Where(t => Str(t, "kind") == "TEMPO")
            .Select(t => (Prop(t, "min_bpm").GetDouble(), Prop(t, "max_bpm").GetDouble())).ToArray();
        Grammar = GrammarSpec.Read(path, Prop(root, "grammar"));
    }

    /// <summary>The file this vocabulary was read from.</summary>
    public string SourcePath { get; }
    public int Version { get; }
    public int Size => _tokens.Length;
    public int TicksPerQuarter { get; }
    public int MicroUnitsPerTick { get; }
    public int MaxSequenceTokens { get; }
    public int Pad { get; }
    public int Bos { get; }
    public int Eos { get; }
    public int Bar { get; }
    public int NoChord { get; }

    /// <summary>Style names in STYLE token order.</summary>
    public IReadOnlyList<string> Styles => _styles;

    /// <summary>The grammar tables, as data (see <see cref="GrammarMask"/>).</summary>
    public GrammarSpec Grammar { get; }

    /// <summary>Reads and checks a vocabulary file. [main]</summary>
    public static Vocabulary Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException e)
        {
            throw new VocabularyException(path, "file not found", e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new VocabularyException(path, "folder not found", e);
        }
        catch (IOException e)
        {
            throw new VocabularyException(path, $"cannot be read ({e.Message})", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new VocabularyException(path, "access denied", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses vocabulary JSON; <paramref name="path"/> names it in errors. [main]</summary>
    public static Vocabulary Parse(string json, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return new Vocabulary(path, doc.RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw new VocabularyException(path, $"not valid JSON ({e.Message})", e);
        }
        catch (InvalidOperationException e)
        {
            throw new VocabularyException(path, $"a field has the wrong type ({e.Message})", e);
        }
        catch (FormatException e)
        {
            throw new VocabularyException(path, $"a number is out of range ({e.Message})", e);
        }
    }

    /// <summary>[any]</summary>
    public Token this[int id] => (uint)id < (uint)_tokens.Length
        ? _tokens[id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"token id outside 0..{_tokens.Length - 1}");

    /// <summary>[any]</summary>
    public bool TryGetId(string name, out int id) => _byName.TryGetValue(name, out id);

    /// <summary>The id of a token by name; throws if unknown. [any]</summary>
    public int Id(string name) => _byName.TryGetValue(name, out int id)
        ? id
        : throw new KeyNotFoundException($"{SourcePath}: no token named '{name}'");

    /// <summary>Integer attribute of a token as written in the JSON (e.g. "tick", "bar_ticks"). [any]</summary>
    public bool TryGetAttribute(int id, string attribute, out int value) => _attributes[id].TryGetValue(attribute, out value);

    /// <summary>The contiguous id range of a kind. [any]</summary>
    public (int First, int Count) Range(TokenKind kind) => _ranges[(int)kind];

    /// <summary>Is <paramref name="id"/> a token of <paramref name="kind"/>? One compare, no allocation. [any]</summary>
    public bool IsKind(int id, TokenKind kind)
    {
        var (first, count) = _ranges[(int)kind];
        return (uint)(id - first) < (uint)count;
    }

    public bool TryStyle(string style, out int id) => _byName.TryGetValue("STYLE_" + style, out id);
    public int Part(PartRole role) => Id("PART_" + PartRoles.Name(role));
    public int Key(int pitchClass) => First(TokenKind.Key, pitchClass, 0, 11, "key");
    public bool TryTempo(int bucket, out int id) => TryFirst(TokenKind.Tempo, bucket, out id);
    public bool TryTimeSignature(TimeSignature ts, out int id) => _byName.TryGetValue($"TS_{ts.Numerator}/{ts.Denominator}", out id);
    public int Section(SectionKind kind) => Id("SEC_" + SectionKinds.Name(kind));
    public bool TryEnergy(int level, out int id) => TryFirst(TokenKind.Energy, level, out id);
    public int Root(int degree) => First(TokenKind.Root, degree, 0, 11, "root degree");
    public int Quality(ChordQuality q) => Id("Q_" + ChordQualityInfo.Name(q));
    public int BassInterval(int interval) => First(TokenKind.Bass, interval - 1, 0, 10, "bass interval");
    public bool TryChordChange(int tick, out int id) => _byName.TryGetValue($"CHG_{tick}", out id);
    public bool TryPosition(int tick, out int id) => _byName.TryGetValue($"POS_{tick}", out id);
    public bool TryDuration(int ticks, out int id) => _byName.TryGetValue($"DUR_{ticks}", out id);
    public bool TryMicro(int offset, out int id) => _byName.TryGetValue($"MT_{(offset >= 0 ? "+" : "")}{offset}", out id);

    /// <summary>The PITCH token of a chord-relative pitch. [any]</summary>
    public int Pitch(ChordRelativePitch p)
    {
        var (first, _) = Range(TokenKind.Pitch);
        return first + ((p.Octave - ChordRelativePitch.MinOctave) * 7 + (p.Degree - 1)) * 3 + (p.Alteration + 1);
    }

    /// <summary>The DRUM token of any GM percussion note (false if the drum map lacks it). [any]</summary>
    public bool TryDrum(int gmNote, out int id) => _drumTokenByGmNote.TryGetValue(gmNote, out id);

    /// <summary>The VEL token whose representative value is exactly <paramref name="velocity"/>. [any]</summary>
    public bool TryVelocity(int velocity, out int id)
    {
        var (first, count) = Range(TokenKind.Velocity);
        for (int i = 0; i < count; i++)
        {
            if (_tokens[first + i].Value == velocity)
            {
                id = first + i;
                return true;
            }
        }
        id = -1;
        return false;
    }

    /// <summary>A MIDI velocity (1..127) to its bucket's representative value. [any]</summary>
    public int QuantizeVelocity(int midiVelocity)
    {
        int v = Math.Clamp(midiVelocity, 1, 127);
        foreach (var (min, max, value) in _velocityBuckets)
        {
            if (v >= min && v <= max)
                return value;
        }
        return _velocityBuckets[^1].Value;
    }

    /// <summary>A length in ticks to the nearest DUR value (nearest in ratio, as the Python side). [any]</summary>
    public int QuantizeDuration(int ticks)
    {
        if (ticks <= _durations[0])
            return _durations[0];
        if (ticks >= _durations[^1])
            return _durations[^1];
        int best = _durations[0];
        double bestCost = double.MaxValue;
        foreach (int d in _durations)
        {
            double cost = Math.Abs(d - ticks) / (double)d + Math.Abs(d - ticks) / (double)ticks;
            if (cost < bestCost)
            {
                best = d;
                bestCost = cost;
            }
        }
        return best;
    }

    /// <summary>
    /// The DUR token of the longest length that fits in <paramref name="ticks"/> (the shortest when none does), found
    /// without building its name. [any]
    /// </summary>
    public int FloorDuration(int ticks)
    {
        var (first, count) = Range(TokenKind.Duration);
        int fitting = -1, shortest = first;
        for (int id = first; id < first + count; id++)
        {
            int d = _tokens[id].Value;
            if (d < _tokens[shortest].Value)
                shortest = id;
            if (d <= ticks && (fitting < 0 || d > _tokens[fitting].Value))
                fitting = id;
        }
        return fitting >= 0 ? fitting : shortest;
    }

    /// <summary>The index of the first token of <paramref name="kind"/> in <paramref name="tokens"/>, or -1. [any]</summary>
    public int IndexOfKind(ReadOnlySpan<int> tokens, TokenKind kind)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            if (IsKind(tokens[i], kind))
                return i;
        }
        return -1;
    }

    /// <summary>The TEMPO bucket of a tempo in BPM. [any]</summary>
    public int TempoBucket(double bpm)
    {
        for (int b = 0; b < _tempoBuckets.Length; b++)
        {
            if (bpm >= _tempoBuckets[b].Min && bpm < _tempoBuckets[b].Max)
                return b;
        }
        return _tempoBuckets.Length - 1;
    }

    private IEnumerable<Token> KindTokens(TokenKind kind)
    {
        var (first, count) = Range(kind);
        return _tokens.Skip(first).Take(count);
    }

    private int First(TokenKind kind, int offset, int min, int max, string what)
    {
        if (offset < min || offset > max)
            throw new ArgumentOutOfRangeException(what, offset, $"{what} must be {min}..{max}");
        return Range(kind).First + offset;
    }

    private bool TryFirst(TokenKind kind, int offset, out int id)
    {
        var (first, count) = Range(kind);
        id = offset >= 0 && offset < count ? first + offset : -1;
        return id >= 0;
    }

    private Token ReadToken(JsonElement t, int expectedId, List<string> styles)
    {
        int id = Int(t, "id");
        if (id != expectedId)
            throw new VocabularyException(SourcePath, $"token at position {expectedId} has id {id}; ids must be 0..size-1 in order");
        string name = Str(t, "name");
        string kindText = Str(t, "kind");
        if (!TokenKinds.TryParse(kindText, out var kind))
            throw new VocabularyException(SourcePath, $"token {name} has unknown kind '{kindText}'");
        if (!_byName.TryAdd(name, id))
            throw new VocabularyException(SourcePath, $"token name '{name}' appears twice");
        var attrs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in t.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out int v))
                attrs[p.Name] = v;
        }
        _attributes[id] = attrs;
        var (first, count) = _ranges[(int)kind];
        if (first < 0)
            _ranges[(int)kind] = (id, 1);
        else if (first + count == id)
            _ranges[(int)kind] = (first, count + 1);
        else
            throw new VocabularyException(SourcePath, $"tokens of kind {kindText} are not contiguous (at {name})");

        int value = 0, order = 0, octave = 0, degree = 0, alteration = 0, num = 0, den = 0;
        switch (kind)
        {
            case TokenKind.Style:
                styles.Add(Str(t, "style"));
                value = styles.Count - 1;
                break;
            case TokenKind.Part:
                if (!PartRoles.TryParse(Str(t, "part"), out var role))
                    throw new VocabularyException(SourcePath, $"part '{Str(t, "part")}' is unknown to this build");
                value = (int)role;
                break;
            case TokenKind.Section:
                if (!SectionKinds.TryParse(Str(t, "section"), out var sec))
                    throw new VocabularyException(SourcePath, $"section '{Str(t, "section")}' is unknown to this build");
                value = (int)sec;
                break;
            case TokenKind.Quality:
                if (!ChordQualityInfo.TryParse(Str(t, "quality"), out var q))
                    throw new VocabularyException(SourcePath, $"chord quality '{Str(t, "quality")}' is unknown to this build");
                value = (int)q;
                break;
            case TokenKind.Key: value = Int(t, "pc"); break;
            case TokenKind.Tempo: value = Int(t, "bucket"); break;
            case TokenKind.TimeSignature:
                num = Int(t, "numerator");
                den = Int(t, "denominator");
                value = Int(t, "bar_ticks");
                if (value != new TimeSignature(num, den).TicksPerBar)
                    throw new VocabularyException(SourcePath, $"{name}: bar_ticks {value} is wrong for {num}/{den}");
                break;
            case TokenKind.Energy: value = Int(t, "level"); break;
            case TokenKind.Root: value = Int(t, "degree"); break;
            case TokenKind.Bass: value = Int(t, "interval"); break;
            case TokenKind.ChordChange:
            case TokenKind.Position: value = Int(t, "tick"); break;
            case TokenKind.Pitch:
                octave = Int(t, "octave");
                degree = Int(t, "degree");
                alteration = Int(t, "alteration");
                order = Int(t, "index");
                break;
            case TokenKind.Drum:
                value = Int(t, "gm_note");
                order = Int(t, "index");
                break;
            case TokenKind.Duration: value = Int(t, "ticks"); break;
            case TokenKind.Velocity: value = Int(t, "velocity"); break;
            case TokenKind.Micro: value = Int(t, "offset"); break;
        }
        return new Token(id, name, kind, value, order, octave, degree, alteration, num, den);
    }

    private void CheckRanges(JsonElement root)
    {
        foreach (TokenKind k in Enum.GetValues<TokenKind>())
        {
            if (_ranges[(int)k].First < 0)
                throw new VocabularyException(SourcePath, $"no tokens of kind {TokenKinds.JsonName(k)}");
        }
        foreach (var kv in Prop(root, "kinds").EnumerateObject())
        {
            if (!TokenKinds.TryParse(kv.Name, out var k))
                throw new VocabularyException(SourcePath, $"'kinds' lists unknown kind {kv.Name}");
            var r = _ranges[(int)k];
            if (Int(kv.Value, "first") != r.First || Int(kv.Value, "count") != r.Count)
                throw new VocabularyException(SourcePath, $"'kinds' range of {kv.Name} disagrees with the tokens");
        }
        // Pitch ids are computed arithmetically (Pitch()); check the layout they assume.
        var (pf, pc) = _ranges[(int)TokenKind.Pitch];
        if (pc != (ChordRelativePitch.MaxOctave - ChordRelativePitch.MinOctave + 1) * 21)
            throw new VocabularyException(SourcePath, $"{pc} PITCH tokens, expected 7 octaves x 21 degrees");
        for (int i = 0; i < pc; i++)
        {
            var t = _tokens[pf + i];
            int expect = ((t.Octave - ChordRelativePitch.MinOctave) * 7 + (t.Degree - 1)) * 3 + (t.Alteration + 1);
            if (expect != i || t.Order != i)
                throw new VocabularyException(SourcePath, $"PITCH token {t.Name} is out of octave/degree/alteration order");
        }
    }

    private int Special(JsonElement root, string name, TokenKind kind)
    {
        int id = Int(Prop(root, "special"), name);
        if (_ranges[(int)kind] != (id, 1))
            throw new VocabularyException(SourcePath, $"special token '{name}' is not the single {TokenKinds.JsonName(kind)} token");
        return id;
    }

    private void CheckQualities(JsonElement qualities)
    {
        if (qualities.GetArrayLength() != ChordQualityInfo.Count)
            throw new VocabularyException(SourcePath, $"{qualities.GetArrayLength()} chord qualities, this build knows {ChordQualityInfo.Count}");
        int i = 0;
        foreach (var q in qualities.EnumerateArray())
        {
            var quality = (ChordQuality)i;
            string name = Str(q, "name");
            if (name != ChordQualityInfo.Name(quality))
                throw new VocabularyException(SourcePath, $"chord quality {i} is '{name}', this build has '{ChordQualityInfo.Name(quality)}'");
            if (!Ints(q, "intervals").SequenceEqual(ChordQualityInfo.Intervals(quality).ToArray()))
                throw new VocabularyException(SourcePath, $"chord quality '{name}': intervals differ from this build");
            if (!Ints(q, "scale").SequenceEqual(ChordQualityInfo.Scale(quality).ToArray()))
                throw new VocabularyException(SourcePath, $"chord quality '{name}': scale differs from this build");
            var spelling = Prop(q, "spelling").EnumerateArray().Select(e => e.GetString()).ToArray();
            for (int iv = 0; iv < 12; iv++)
            {
                var (d, a) = ChordQualityInfo.Spell(quality, iv);
                string expect = $"{d}{(a < 0 ? "-" : a > 0 ? "+" : "")}";
                if (spelling.Length != 12 || spelling[iv] != expect)
                    throw new VocabularyException(SourcePath, $"chord quality '{name}': interval {iv} is spelled differently from this build");
            }
            i++;
        }
        var (qFirst, qCount) = Range(TokenKind.Quality);
        for (int k = 0; k < qCount; k++)
        {
            if (_tokens[qFirst + k].Value != k)
                throw new VocabularyException(SourcePath, "QUAL tokens are not in chord-quality order");
        }
    }

    private void CheckRegisters(JsonElement centres)
    {
        foreach (PartRole role in Enum.GetValues<PartRole>())
        {
            if (!PartRoles.IsPitched(role))
                continue;
            int v = Int(centres, PartRoles.Name(role));
            if (v != PartRoles.RegisterCentre(role))
                throw new VocabularyException(SourcePath, $"register centre of {PartRoles.Name(role)} is {v}, this build uses {PartRoles.RegisterCentre(role)}");
        }
    }

    private JsonElement Prop(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
            throw new VocabularyException(SourcePath ?? "vocab.json", $"missing field '{name}'");
        return v;
    }

    private int Int(JsonElement e, string name) => Prop(e, name).GetInt32();

    private string Str(JsonElement e, string name) => Prop(e, name).GetString()
        ?? throw new VocabularyException(SourcePath, $"field '{name}' is null");

    private int[] Ints(JsonElement e, string name) => Prop(e, name).EnumerateArray().Select(x => x.GetInt32()).ToArray();
}
