namespace Sideman.Model.Tokens;

/// <summary>Token kinds of models/vocab.json (its "kind" field), in vocabulary order.</summary>
public enum TokenKind
{
    Pad,
    Bos,
    Eos,
    Style,
    Part,
    Key,
    Tempo,
    Bar,
    TimeSignature,
    Section,
    Energy,
    Root,
    NoChord,
    Quality,
    Bass,
    ChordChange,
    Position,
    Pitch,
    Drum,
    Duration,
    Velocity,
    Micro,
}

/// <summary>The JSON names of <see cref="TokenKind"/>.</summary>
public static class TokenKinds
{
    private static readonly string[] JsonNames =
        ["PAD", "BOS", "EOS", "STYLE", "PART", "KEY", "TEMPO", "BAR", "TS", "SEC", "EN", "ROOT", "NOCHORD", "QUAL",
         "BASS", "CHG", "POS", "PITCH", "DRUM", "DUR", "VEL", "MT"];

    public static string JsonName(TokenKind kind) => JsonNames[(int)kind];

    public static bool TryParse(string json, out TokenKind kind)
    {
        int i = Array.IndexOf(JsonNames, json);
        kind = i >= 0 ? (TokenKind)i : default;
        return i >= 0;
    }
}
