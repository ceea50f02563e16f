using Sideman.Engine.Parameters;

namespace Sideman.Engine.Tests.Parameters;

public class ParameterIdTests
{
    /// <summary>
    /// The ids hosts store in saved projects and automation lanes. Values computed independently
    /// (FNV-1a 32-bit over UTF-8, masked to 31 bits). If this test fails, a released id changed:
    /// that breaks users' songs. Add new parameters here; never edit an existing line.
    /// </summary>
    public static readonly TheoryData<string, uint> Golden = new()
    {
        { "master.volume", 210578705 },
        { "synth.attack", 1426898125 },
        { "synth.release", 1693837806 },
        { "midi.sustain", 1090373183 },
        { "midi.modwheel", 1980542441 },
        { "midi.pitchbend", 1668721127 },
        { "band.style", 1107642509 },
        { "drums.preset", 1463588227 },
        { "drums.volume", 22322622 },
        { "drums.mute", 407307493 },
        { "drums.pan", 1804277155 },
        { "drums.reverb", 628274136 },
        { "drums.chorus", 668364462 },
        { "bass.preset", 2047917763 },
        { "bass.volume", 413775102 },
        { "bass.mute", 434801189 },
        { "bass.pan", 1274238435 },
        { "bass.reverb", 978046744 },
        { "bass.chorus", 1252693998 },
        { "keys.preset", 1450539098 },
        { "keys.volume", 911747091 },
        { "keys.mute", 2142551320 },
        { "keys.pan", 1590164112 },
        { "keys.reverb", 1172489585 },
        { "keys.chorus", 42320999 },
        { "pad.preset", 1733172627 },
        { "pad.volume", 1493169422 },
        { "pad.mute", 1652447285 },
        { "pad.pan", 1605517875 },
        { "pad.reverb", 305250696 },
        { "pad.chorus", 1840725406 },
        { "arp.preset", 1052695551 },
        { "arp.volume", 1162706050 },
        { "arp.mute", 218249305 },
        { "arp.pan", 2096041639 },
        { "arp.reverb", 1465760036 },
        { "arp.chorus", 123594050 },
        { "fx.reverb.return", 2125061641 },
        { "fx.reverb.room", 713901724 },
        { "fx.chorus.return", 604239747 },
        { "monitor.sound", 1535800196 },
        { "monitor.volume", 694768159 },
        { "band.on", 1526438529 },
        { "band.chords", 416232107 },
        { "band.energy", 1048707756 },
        { "band.dynamics", 1880124846 },
        { "band.surprise", 1154143371 },
        { "band.swing", 522029006 },
        { "band.humanize", 2065417401 },
        { "band.section", 2058342447 },
        { "band.fill", 240935241 },
        { "band.autofill", 1293771190 },
        { "band.intro", 1638175610 },
        { "band.ending", 892071683 },
        { "band.lookahead", 1642917416 },
        { "band.seed", 888875469 },
        { "band.split", 1991041352 },
        { "band.latch", 760402146 },
        { "band.grace", 1909530144 },
        { "band.keyswitch", 1745023303 },
        { "drums.play", 1846070182 },
        { "drums.lock", 1711146067 },
        { "drums.regenerate", 919914842 },
        { "bass.play", 1873563878 },
        { "bass.lock", 15510419 },
        { "bass.regenerate", 959986330 },
        { "bass.octave", 20500492 },
        { "keys.play", 1608175023 },
        { "keys.lock", 1235564342 },
        { "keys.regenerate", 915238507 },
        { "keys.octave", 1738801681 },
        { "pad.play", 893053430 },
        { "pad.lock", 361368099 },
        { "pad.regenerate", 445747274 },
        { "pad.octave", 1265716636 },
        { "arp.play", 952507570 },
        { "arp.lock", 1652365879 },
        { "arp.regenerate", 1295458726 },
        { "arp.octave", 2143330576 },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Declared_parameter_keeps_its_golden_id(string stringId, uint expected)
    {
        ParameterDefinition? parameter = EngineParameters.All.Find(stringId);
        Assert.NotNull(parameter);
        Assert.Equal(expected, parameter.Id);
    }

    [Fact]
    public void Every_declared_parameter_is_in_the_golden_list()
    {
        var golden = Golden.Select(row => (string)row[0]).ToHashSet();
        var undeclaredInGolden = EngineParameters.All.All.Select(p => p.StringId).Where(id => !golden.Contains(id)).ToList();
        Assert.Empty(undeclaredInGolden);
    }

    [Fact]
    public void Ids_are_unique_and_fit_31_bits()
    {
        var ids = EngineParameters.All.All.Select(p => p.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(id <= 0x7FFF_FFFF));
        Assert.Equal(EngineParameters.All.Count, EngineParameters.All.All.Select(p => p.StringId).Distinct().Count());
    }

    [Theory]
    [InlineData("a", 0xE40C292Cu & 0x7FFF_FFFF)]      // published FNV-1a test vectors
    [InlineData("foobar", 0xBF9CF968u & 0x7FFF_FFFF)]
    [InlineData("", 0x811C9DC5u & 0x7FFF_FFFF)]
    public void Hash_is_fnv1a_masked_to_31_bits(string text, uint expected)
    {
        Assert.Equal(expected, ParameterId.FromString(text));
    }

    [Fact]
    public void Hash_collision_is_detected_at_startup_naming_both_ids()
    {
        // "p.368724" and "p.798200" collide under FNV-1a/31 (found by exhaustive search).
        Assert.Equal(ParameterId.FromString("p.368724"), ParameterId.FromString("p.798200"));
        var declare = new ParameterDeclarations();
        declare.Linear("p.368724", "One", "One", "", 0, 1, 0);
        declare.Linear("p.798200", "Two", "Two", "", 0, 1, 0);
        var error = Assert.Throws<InvalidOperationException>(() => declare.Build());
        Assert.Contains("p.368724", error.Message);
        Assert.Contains("p.798200", error.Message);
    }

    [Fact]
    public void Duplicate_string_id_is_rejected()
    {
        var declare = new ParameterDeclarations();
        declare.Linear("same", "One", "One", "", 0, 1, 0);
        declare.Linear("same", "Two", "Two", "", 0, 1, 0);
        Assert.Contains("twice", Assert.Throws<InvalidOperationException>(() => declare.Build()).Message);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ümlaut")]
    [InlineData("")]
    [InlineData("a.very.long.identifier.that.does.not.fit.into.the.sixty.four.byte.abi.field")]
    public void Ids_the_bridge_cannot_carry_are_rejected(string stringId)
    {
        var declare = new ParameterDeclarations();
        declare.Linear(stringId, "T", "T", "", 0, 1, 0);
        Assert.Throws<InvalidOperationException>(() => declare.Build());
    }

    [Fact]
    public void Index_is_declaration_order_and_lookup_by_id_finds_it()
    {
        for (int i = 0; i < EngineParameters.All.Count; i++)
        {
            ParameterDefinition p = EngineParameters.All[i];
            Assert.Equal(i, p.Index);
            Assert.True(EngineParameters.All.TryGetIndex(p.Id, out int found));
            Assert.Equal(i, found);
        }
        Assert.False(EngineParameters.All.TryGetIndex(12345, out _));
    }

    [Fact]
    public void Midi_controller_targets_are_hidden_unsaved_and_mapped()
    {
        Assert.Equal(64, EngineParameters.SustainPedal.MidiController);
        Assert.Equal(1, EngineParameters.ModWheel.MidiController);
        Assert.Equal(129, EngineParameters.PitchBend.MidiController);
        foreach (ParameterDefinition p in new[] { EngineParameters.SustainPedal, EngineParameters.ModWheel, EngineParameters.PitchBend })
        {
            Assert.True(p.Has(ParameterFlags.Hidden));
            Assert.False(p.IsPersisted);
        }
        foreach (ParameterDefinition p in new[] { EngineParameters.MasterVolume, EngineParameters.SynthAttack, EngineParameters.SynthRelease })
        {
            Assert.True(p.Has(ParameterFlags.Automatable));
            Assert.False(p.Has(ParameterFlags.Hidden));
            Assert.True(p.IsPersisted);
            Assert.Equal(-1, p.MidiController);
        }
    }
}
