using System.Buffers.Binary;
using Sideman.Engine;
using Sideman.Engine.State;
using Sideman.Plugin.State;
using Sideman.Plugin.Tests.Support;

namespace Sideman.Plugin.Tests.State;

public class StateFormatTests
{
    private static readonly StateReader Reader = new(EngineParameters.All);

    private static SettingsSnapshot Custom(params StateBlob[] blobs)
    {
        double[] values = EngineParameters.All.CreateDefaultPlainValues();
        values[EngineParameters.MasterVolume.Index] = -7.25;
        values[EngineParameters.SynthAttack.Index] = 123.456;
        values[EngineParameters.SynthRelease.Index] = 2500;
        values[EngineParameters.PitchBend.Index] = 0.5; // performance control: must not be saved
        return new SettingsSnapshot(EngineParameters.All, values, blobs);
    }

    [Fact]
    public void Round_trip_restores_every_persisted_value_and_blob()
    {
        var blob = new StateBlob(StateBlob.MakeTag("CHRD"), new byte[] { 9, 8, 7, 6, 5 });
        byte[] bytes = StateWriter.Write(Custom(blob));
        StateReadResult result = Reader.Read(bytes);

        Assert.True(result.Success, result.Error);
        SettingsSnapshot s = result.Settings!;
        Assert.Equal(-7.25, s[EngineParameters.MasterVolume]);
        Assert.Equal(123.456, s[EngineParameters.SynthAttack]);
        Assert.Equal(2500, s[EngineParameters.SynthRelease]);
        Assert.Equal(0, s[EngineParameters.PitchBend]); // not saved: back to its default
        StateBlob back = Assert.Single(s.Blobs);
        Assert.Equal("CHRD", StateBlob.TagText(back.Tag));
        Assert.Equal(blob.Data.ToArray(), back.Data.ToArray());
        Assert.Empty(result.IgnoredIds);
        Assert.Empty(result.MissingIds);
        Assert.Equal(bytes, StateWriter.Write(s));
    }

    [Fact]
    public void Minus_infinity_volume_survives_the_round_trip()
    {
        double[] values = EngineParameters.All.CreateDefaultPlainValues();
        values[EngineParameters.MasterVolume.Index] = double.NegativeInfinity;
        StateReadResult result = Reader.Read(StateWriter.Write(new SettingsSnapshot(EngineParameters.All, values)));
        Assert.Equal(double.NegativeInfinity, result.Settings![EngineParameters.MasterVolume]);
    }

    [Fact]
    public void Written_bytes_follow_the_documented_layout()
    {
        byte[] bytes = StateWriter.Write(Custom());
        Assert.Equal("SMST"u8.ToArray(), bytes[..4]);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)));
        Assert.Equal(bytes.Length - 16, (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(StateBuilder.ReferenceCrc32(bytes.AsSpan(0, bytes.Length - 4)), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)));
        // Exactly what an independent writer produces from the same ids and values: every persisted
        // parameter in declaration order, the performance controls left out.
        var expected = new StateBuilder();
        foreach (var d in EngineParameters.All.All)
        {
            if (d == EngineParameters.MasterVolume)
                expected.Value(d.StringId, -7.25);
            else if (d == EngineParameters.SynthAttack)
                expected.Value(d.StringId, 123.456);
            else if (d == EngineParameters.SynthRelease)
                expected.Value(d.StringId, 2500);
            else if (d.IsPersisted)
                expected.Value(d.StringId, d.DefaultPlain);
        }
        Assert.Equal(expected.Build(), bytes);
    }

    [Fact]
    public void Unknown_ids_are_ignored_and_known_ones_still_load()
    {
        byte[] bytes = new StateBuilder().Value("future.param", 3).Value("synth.release", 777).Value("midi.sustain", 1).Build();
        StateReadResult result = Reader.Read(bytes);
        Assert.True(result.Success, result.Error);
        Assert.Equal(777, result.Settings![EngineParameters.SynthRelease]);
        Assert.Equal(["future.param", "midi.sustain"], result.IgnoredIds.Order().ToArray());
    }

    [Fact]
    public void Missing_ids_get_their_defaults()
    {
        StateReadResult result = Reader.Read(new StateBuilder().Value("master.volume", -3).Build());
        Assert.True(result.Success, result.Error);
        Assert.Equal(-3, result.Settings![EngineParameters.MasterVolume]);
        Assert.Equal(EngineParameters.SynthAttack.DefaultPlain, result.Settings[EngineParameters.SynthAttack]);
        string[] others = EngineParameters.All.All.Where(d => d.IsPersisted && d != EngineParameters.MasterVolume)
            .Select(d => d.StringId).Order().ToArray();
        Assert.Contains("synth.attack", others);
        Assert.Equal(others, result.MissingIds.Order().ToArray());
    }

    [Fact]
    public void Out_of_range_values_are_clamped_into_range()
    {
        StateReadResult result = Reader.Read(new StateBuilder().Value("synth.attack", -50).Value("master.volume", 1e6).Build());
        Assert.Equal(0.5, result.Settings![EngineParameters.SynthAttack], 9);
        Assert.Equal(6, result.Settings[EngineParameters.MasterVolume], 9);
    }

    [Fact]
    public void Empty_input_is_rejected()
    {
        AssertRejected([], "empty");
    }

    [Fact]
    public void Wrong_magic_is_rejected()
    {
        byte[] bytes = StateWriter.Write(Custom());
        bytes[0] = (byte)'X';
        AssertRejected(bytes, "not Sideman state");
    }

    [Fact]
    public void Every_truncation_is_rejected()
    {
        byte[] bytes = StateWriter.Write(Custom(new StateBlob(StateBlob.MakeTag("ABCD"), new byte[40])));
        for (int length = 0; length < bytes.Length; length++)
        {
            StateReadResult result = Reader.Read(bytes.AsSpan(0, length));
            Assert.False(result.Success, $"a {length}-byte prefix was accepted");
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }
        Assert.Contains("truncated", Reader.Read(bytes.AsSpan(0, bytes.Length - 1)).Error);
    }

    [Fact]
    public void Any_damaged_byte_is_rejected()
    {
        byte[] good = StateWriter.Write(Custom(new StateBlob(StateBlob.MakeTag("ABCD"), new byte[] { 1, 2, 3 })));
        for (int i = 0; i < good.Length; i++)
        {
            byte[] bad = (byte[])good.Clone();
            bad[i] ^= 0x10;
            StateReadResult result = Reader.Read(bad);
            Assert.False(result.Success, $"flipping a bit of byte {i} went unnoticed");
        }
        byte[] body = (byte[])good.Clone();
        body[20] ^= 1;
        AssertRejected(body, "checksum");
    }

    [Fact]
    public void Future_version_is_rejected_with_advice()
    {
        byte[] bytes = new StateBuilder { Version = 2 }.Value("master.volume", -3).Build();
        StateReadResult result = AssertRejected(bytes, "newer Sideman");
        Assert.Contains("Update Sideman", result.Error);
        Assert.Equal(2, result.Version);
    }

    [Fact]
    public void Version_zero_is_rejected()
    {
        AssertRejected(new StateBuilder { Version = 0 }.Build(), "version 0");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_garbage_is_rejected_and_never_throws(int seed)
    {
        var rng = new Random(seed);
        for (int i = 0; i < 400; i++)
        {
            var bytes = new byte[rng.Next(0, 300)];
            rng.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 4)
                "SMST"u8.CopyTo(bytes); // past the magic check, into the deeper guards
            if (i % 4 == 0 && bytes.Length >= 16)
                StateBuilder.FixChecksum(bytes); // and sometimes past the checksum too
            StateReadResult result = Reader.Read(bytes);
            Assert.False(result.Success);
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }
    }

    [Fact]
    public void Well_checksummed_but_malformed_bodies_are_rejected_with_a_reason()
    {
        AssertRejected(new StateBuilder().Value("a", double.NaN).Build(), "not a number");
        AssertRejected(new StateBuilder().Value("a", 1).Value("a", 2).Build(), "twice");
        AssertRejected(new StateBuilder().Blob("ABCD", [1]).Blob("ABCD", [2]).Build(), "twice");
        AssertRejected(new StateBuilder { Trailing = [1, 2, 3] }.Build(), "unexpected bytes");
        byte[] nonAscii = new StateBuilder().Value("x", 1).Build();
        nonAscii[12 + 4 + 1] = 0xFC; // the id's only byte: 'ü' in Latin-1
        StateBuilder.FixChecksum(nonAscii);
        AssertRejected(nonAscii, "not ASCII");

        byte[] hugeCount = new StateBuilder().Build();
        BinaryPrimitives.WriteUInt32LittleEndian(hugeCount.AsSpan(12), 0xFFFFFFF0);
        StateBuilder.FixChecksum(hugeCount);
        AssertRejected(hugeCount, "values");

        byte[] longBlob = new StateBuilder().Blob("ABCD", [1, 2, 3]).Build();
        BinaryPrimitives.WriteUInt32LittleEndian(longBlob.AsSpan(12 + 4 + 4 + 4), 1000); // blob length beyond the body
        StateBuilder.FixChecksum(longBlob);
        AssertRejected(longBlob, "cut off");
    }

    [Fact]
    public void Trailing_bytes_after_the_checksum_are_tolerated()
    {
        // Some hosts hand over their whole chunk; our length field says where our state ends.
        byte[] bytes = [.. StateWriter.Write(Custom()), 0xAA, 0xBB];
        Assert.True(Reader.Read(bytes).Success);
    }

    [Fact]
    public void Older_versions_pass_through_the_migration_hook()
    {
        // Pretend the current version is 2 and version 1 named the attack "synth.attackTime".
        var migrations = new List<StateMigration>
        {
            new(1, (values, _) =>
            {
                if (values.Remove("synth.attackTime", out double v))
                    values["synth.attack"] = v;
            }),
        };
        var reader = new StateReader(EngineParameters.All, currentVersion: 2, migrations);
        StateReadResult result = reader.Read(new StateBuilder { Version = 1 }.Value("synth.attackTime", 42).Build());
        Assert.True(result.Success, result.Error);
        Assert.Equal(42, result.Settings![EngineParameters.SynthAttack], 9);
        Assert.Empty(result.IgnoredIds);

        // A version-2 state is already current: the 1→2 migration must not run on it.
        StateReadResult current = reader.Read(new StateBuilder { Version = 2 }.Value("synth.attackTime", 42).Build());
        Assert.Equal(["synth.attackTime"], current.IgnoredIds);
    }

    private static StateReadResult AssertRejected(byte[] bytes, string reasonFragment)
    {
        StateReadResult result = Reader.Read(bytes);
        Assert.False(result.Success);
        Assert.Null(result.Settings);
        Assert.Contains(reasonFragment, result.Error, StringComparison.OrdinalIgnoreCase);
        return result;
    }
}
