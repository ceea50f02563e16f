using Sideman.Music.Time;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tests.Tokens;

internal static class PhraseAssert
{
    public static void Equal(PartPhrase expected, PartPhrase actual, string context)
    {
        Assert.True(expected.Style == actual.Style, $"{context}: style {actual.Style}, expected {expected.Style}");
        Assert.True(expected.Part == actual.Part, $"{context}: part");
        Assert.True(expected.KeyTonic == actual.KeyTonic, $"{context}: key {actual.KeyTonic}, expected {expected.KeyTonic}");
        Assert.True(expected.TempoBucket == actual.TempoBucket, $"{context}: tempo bucket");
        Assert.True(expected.Bars.Length == actual.Bars.Length, $"{context}: {actual.Bars.Length} bars, expected {expected.Bars.Length}");
        for (int i = 0; i < expected.Bars.Length; i++)
        {
            var e = expected.Bars[i];
            var a = actual.Bars[i];
            string where = $"{context} bar {i}";
            Assert.True(e.TimeSignature == a.TimeSignature, $"{where}: time signature");
            Assert.True(e.Section == a.Section, $"{where}: section");
            Assert.True(e.Energy == a.Energy, $"{where}: energy");
            Assert.True(e.Chords.SequenceEqual(a.Chords), $"{where}: chords [{string.Join(", ", a.Chords.ToArray())}] expected [{string.Join(", ", e.Chords.ToArray())}]");
            Assert.True(e.Notes.SequenceEqual(a.Notes), $"{where}: notes differ");
            Assert.True(e.Hits.SequenceEqual(a.Hits), $"{where}: hits differ");
        }
    }
}
