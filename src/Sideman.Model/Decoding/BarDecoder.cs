using Sideman.Model.Tokens;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Decoding;

/// <summary>
/// One bar's grammar-checked tokens (BAR TS SEC EN chords events) to pattern events in a
/// <see cref="GeneratedBar"/>, without allocating; the same reading as <see cref="PatternTokenizer"/>.
/// </summary>
internal sealed class BarDecoder(Vocabulary vocabulary)
{
    private readonly Vocabulary _v = vocabulary;

    public void Decode(ReadOnlySpan<int> tokens, PartHeader header, GeneratedBar bar)
    {
        bool drums = !PartRoles.IsPitched(header.Part);
        int chords = 0, notes = 0, hits = 0;
        int chordTick = 0, pos = 0;
        int root = 0, bass = 0;
        ChordQuality quality = default;
        bool chordPending = false, notePending = false;
        int octave = 0, degree = 1, alteration = 0, drum = 0, duration = 0, velocity = 0, micro = 0;
        TimeSignature ts = bar.TimeSignature;
        SectionKind section = SectionKind.None;
        int energy = 0;

        for (int i = 0; i < tokens.Length; i++)
        {
            Token t = _v[tokens[i]];
            switch (t.Kind)
            {
                case TokenKind.TimeSignature: ts = new TimeSignature(t.Numerator, t.Denominator); break;
                case TokenKind.Section: section = (SectionKind)t.Value; break;
                case TokenKind.Energy: energy = t.Value; break;
                case TokenKind.Root:
                    CloseChord();
                    root = (t.Value + header.KeyTonic) % 12;
                    bass = 0;
                    chordPending = true;
                    break;
                case TokenKind.Quality: quality = (ChordQuality)t.Value; break;
                case TokenKind.Bass: bass = t.Value; break;
                case TokenKind.NoChord:
                    CloseChord();
                    bar.ChordBuffer[chords++] = new BarChord(chordTick, ChordSymbol.NoChord);
                    break;
                case TokenKind.ChordChange:
                    CloseChord();
                    chordTick = t.Value;
                    break;
                case TokenKind.Position:
                    CloseChord();
                    CloseNote();
                    pos = t.Value;
                    break;
                case TokenKind.Pitch:
                    CloseNote();
                    (octave, degree, alteration, micro, notePending) = (t.Octave, t.Degree, t.Alteration, 0, true);
                    break;
                case TokenKind.Drum:
                    CloseNote();
                    (drum, micro, notePending) = (t.Value, 0, true);
                    break;
                case TokenKind.Duration: duration = t.Value; break;
                case TokenKind.Velocity: velocity = t.Value; break;
                case TokenKind.Micro: micro = t.Value; break;
            }
        }
        CloseChord();
        CloseNote();

        bar.TimeSignature = ts;
        bar.Section = section;
        bar.Energy = energy;
        bar.ChordCount = chords;
        bar.NoteCount = notes;
        bar.HitCount = hits;
        tokens.CopyTo(bar.TokenBuffer);
        bar.TokenCount = tokens.Length;

        void CloseChord()
        {
            if (!chordPending)
                return;
            bar.ChordBuffer[chords++] = new BarChord(chordTick, new ChordSymbol(root, quality, bass));
            chordPending = false;
        }

        void CloseNote()
        {
            if (!notePending)
                return;
            if (drums)
                bar.HitBuffer[hits++] = new DrumEvent(pos, drum, velocity, micro);
            else
                bar.NoteBuffer[notes++] = new PitchedEvent(pos, new ChordRelativePitch(octave, degree, alteration), duration, velocity, micro);
            notePending = false;
        }
    }
}
