using Sideman.Model.Decoding;
using Sideman.Model.Tests.Tokens;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Tests.Decoding;

/// <summary>A style whose training data has no sections is asked with SEC none, whatever section the song is in.</summary>
[Collection(GeneratorModelCollection.Name)]
public sealed class StyleSectionsTests(GeneratorModelFixture fx)
{
    [Fact]
    public void The_styles_without_sections_are_the_vocabularys_styles_without_a_style_library_file()
    {
        string styles = Path.Combine(RepoFiles.Root, "models", "training", "styles");
        var authored = Directory.GetFiles(styles, "*.yaml").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.NotEmpty(authored);
        string[] expected = [.. fx.Vocabulary.Styles.Where(s => !authored.Contains(s)).Order(StringComparer.Ordinal)];
        Assert.Equal(expected, StyleSections.WithoutSections.Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("baroque", SectionKind.Verse, SectionKind.None)]
    [InlineData("folk", SectionKind.Fill, SectionKind.None)]
    [InlineData("pop", SectionKind.Verse, SectionKind.Verse)]
    [InlineData("pop", SectionKind.Fill, SectionKind.Fill)]
    public void The_generator_writes_the_section_the_style_was_trained_with(string style, SectionKind asked, SectionKind written)
    {
        ITokenModel model = TokenModelLoader.Load(fx.ModelPath, new TokenModelOptions { VocabPath = fx.VocabPath });
        var settings = new GeneratorSettings { Seed = 3, KeepTranscript = true };
        using var g = new PartGenerator(model, fx.Vocabulary, SongFixture.Header(PartRole.Bass, style), settings, index: null, ownsModel: true);
        GeneratedBar bar = g.Next(SongFixture.Bar(0) with { Section = asked });
        Assert.Equal(written, bar.Section);
        int[] sections = [.. g.Transcript.ToArray().Where(t => fx.Vocabulary[t].Kind == TokenKind.Section)];
        Assert.Equal([fx.Vocabulary.Section(written)], sections);
    }
}
