using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Sideman.Engine.Parameters;
using Sideman.Engine.State;

namespace Sideman.Plugin.State;

/// <summary>
/// Reads <see cref="StateFormat"/> data into settings, or refuses it with a reason: too short, not
/// Sideman state, from a newer version, truncated, damaged (checksum), or malformed. Refusal changes
/// nothing anywhere. Unknown ids are ignored, missing ids get defaults, older versions are migrated.
/// [main]
/// </summary>
public sealed class StateReader
{
    private readonly ParameterSet _parameters;
    private readonly int _currentVersion;
    private readonly IReadOnlyList<StateMigration> _migrations;

    public StateReader(ParameterSet parameters)
        : this(parameters, StateFormat.CurrentVersion, StateMigrations.All)
    {
    }

    /// <summary>For tests of the migration path: pretend the current version is <paramref name="currentVersion"/>.</summary>
    internal StateReader(ParameterSet parameters, int currentVersion, IReadOnlyList<StateMigration> migrations)
    {
        _parameters = parameters;
        _currentVersion = currentVersion;
        _migrations = migrations;
    }

    public StateReadResult Read(ReadOnlySpan<byte> data)
    {
        int headerAndChecksum = StateFormat.HeaderSize + StateFormat.ChecksumSize;
        if (data.Length == 0)
            return StateReadResult.Fail("The state is empty (0 bytes).");
        if (data.Length < StateFormat.Magic.Length || !data[..StateFormat.Magic.Length].SequenceEqual(StateFormat.Magic))
            return StateReadResult.Fail($"The state does not start with Sideman's \"SMST\" marker (found {Hex(data[..Math.Min(4, data.Length)])}); it is not Sideman state or it is damaged.");
        if (data.Length < headerAndChecksum)
            return StateReadResult.Fail($"The state is truncated: {data.Length} bytes, less than the {headerAndChecksum}-byte minimum.");
        if (data.Length > StateFormat.MaxTotalSize)
            return StateReadResult.Fail($"The state is {data.Length} bytes, more than the {StateFormat.MaxTotalSize}-byte limit; it is not Sideman state.");

        int version = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
        if (version == 0)
            return StateReadResult.Fail("The state declares format version 0, which never existed; it is damaged.");
        if (version > _currentVersion)
            return StateReadResult.Fail(
                $"The state was saved by a newer Sideman (format version {version}; this build reads up to {_currentVersion}). Update Sideman to open it; your saved song is untouched.", version);

        uint bodyLength = BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        long needed = (long)StateFormat.HeaderSize + bodyLength + StateFormat.ChecksumSize;
        if (needed > data.Length)
            return StateReadResult.Fail($"The state is truncated: its header announces {needed} bytes but only {data.Length} arrived.", version);

        int checksumAt = StateFormat.HeaderSize + (int)bodyLength;
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(data[checksumAt..]);
        uint computed = Crc32.Compute(data[..checksumAt]);
        if (stored != computed)
            return StateReadResult.Fail($"The state is damaged: checksum {computed:X8} does not match the stored {stored:X8}.", version);

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var blobs = new List<StateBlob>();
        string? problem = ReadBody(data.Slice(StateFormat.HeaderSize, (int)bodyLength), version, values, blobs);
        if (problem is not null)
            return StateReadResult.Fail($"The state is malformed: {problem}.", version);

        foreach (StateMigration migration in _migrations)
        {
            if (migration.FromVersion >= version && migration.FromVersion < _currentVersion)
                migration.Upgrade(values, blobs);
        }
        return Resolve(values, blobs, version);
    }

    private StateReadResult Resolve(Dictionary<string, double> values, List<StateBlob> blobs, int version)
    {
        double[] plain = _parameters.CreateDefaultPlainValues();
        var ignored = new List<string>();
        var missing = new List<string>();
        foreach ((string id, double value) in values)
        {
            ParameterDefinition? d = _parameters.Find(id);
            if (d is null || !d.IsPersisted)
                ignored.Add(id);
            else
                plain[d.Index] = value;
        }
        foreach (ParameterDefinition d in _parameters.All)
        {
            if (d.IsPersisted && !values.ContainsKey(d.StringId))
                missing.Add(d.StringId);
        }
        return StateReadResult.Ok(new SettingsSnapshot(_parameters, plain, blobs), version, ignored, missing);
    }

    /// <summary>Null when well-formed, else what is wrong and where.</summary>
    private static string? ReadBody(ReadOnlySpan<byte> body, int version, Dictionary<string, double> values, List<StateBlob> blobs)
    {
        int at = 0;
        if (!TryReadUInt32(body, ref at, out uint valueCount))
            return "the value count is cut off";
        if (valueCount > StateFormat.MaxValueCount)
            return $"it claims {valueCount} values (limit {StateFormat.MaxValueCount})";
        for (uint i = 0; i < valueCount; i++)
        {
            int entryAt = at;
            if (at >= body.Length)
                return $"value {i} of {valueCount} is cut off at byte {StateFormat.HeaderSize + entryAt}";
            int idLength = body[at++];
            if (idLength == 0 || at + idLength + 8 > body.Length)
                return $"value {i} of {valueCount} at byte {StateFormat.HeaderSize + entryAt} is cut off or has an empty id";
            ReadOnlySpan<byte> idBytes = body.Slice(at, idLength);
            if (!Ascii.IsValid(idBytes))
                return $"the id of value {i} at byte {StateFormat.HeaderSize + entryAt} is not ASCII";
            string id = Encoding.ASCII.GetString(idBytes);
            at += idLength;
            double value = BinaryPrimitives.ReadDoubleLittleEndian(body[at..]);
            at += 8;
            if (double.IsNaN(value))
                return $"the value of '{id}' is not a number";
            if (!values.TryAdd(id, value))
                return $"'{id}' appears twice";
        }

        if (!TryReadUInt32(body, ref at, out uint blobCount))
            return "the blob count is cut off";
        if (blobCount > StateFormat.MaxBlobCount)
            return $"it claims {blobCount} engine blobs (limit {StateFormat.MaxBlobCount})";
        var tags = new HashSet<uint>();
        for (uint i = 0; i < blobCount; i++)
        {
            int entryAt = at;
            if (!TryReadUInt32(body, ref at, out uint tag) || !TryReadUInt32(body, ref at, out uint length) || length > body.Length - at)
                return $"engine blob {i} of {blobCount} at byte {StateFormat.HeaderSize + entryAt} is cut off";
            if (!tags.Add(tag))
                return $"engine blob '{StateBlob.TagText(tag)}' appears twice";
            blobs.Add(new StateBlob(tag, body.Slice(at, (int)length).ToArray()));
            at += (int)length;
        }

        // Sections added by later versions are read here, guarded: if (version >= 2) { ... }
        _ = version;
        if (at != body.Length)
            return $"{body.Length - at} unexpected bytes follow the last section";
        return null;
    }

    private static bool TryReadUInt32(ReadOnlySpan<byte> span, ref int at, out uint value)
    {
        if (at + 4 > span.Length)
        {
            value = 0;
            return false;
        }
        value = BinaryPrimitives.ReadUInt32LittleEndian(span[at..]);
        at += 4;
        return true;
    }

    private static string Hex(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (byte b in bytes)
            text.Append(CultureInfo.InvariantCulture, $"{b:X2} ");
        return text.Length == 0 ? "nothing" : text.ToString().TrimEnd();
    }
}
