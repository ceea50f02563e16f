using Sideman.Engine.State;

namespace Sideman.Plugin.State;

/// <summary>What reading a state produced: settings ready to publish, or the reason it was refused.</summary>
public sealed class StateReadResult
{
    private StateReadResult(SettingsSnapshot? settings, string? error, int version, IReadOnlyList<string> ignoredIds, IReadOnlyList<string> missingIds)
    {
        Settings = settings;
        Error = error;
        Version = version;
        IgnoredIds = ignoredIds;
        MissingIds = missingIds;
    }

    public bool Success => Settings is not null;
    /// <summary>The settings (every parameter filled; missing ids at their defaults), when successful.</summary>
    public SettingsSnapshot? Settings { get; }
    /// <summary>Why the state was refused: what is wrong and what to do.</summary>
    public string? Error { get; }
    /// <summary>The format version found in the data (0 if the header was unreadable).</summary>
    public int Version { get; }
    /// <summary>Ids in the data that this build does not know (kept out, not an error).</summary>
    public IReadOnlyList<string> IgnoredIds { get; }
    /// <summary>Persisted parameters absent from the data, set to their defaults.</summary>
    public IReadOnlyList<string> MissingIds { get; }

    internal static StateReadResult Ok(SettingsSnapshot settings, int version, IReadOnlyList<string> ignored, IReadOnlyList<string> missing) =>
        new(settings, null, version, ignored, missing);

    internal static StateReadResult Fail(string error, int version = 0) => new(null, error, version, [], []);
}
