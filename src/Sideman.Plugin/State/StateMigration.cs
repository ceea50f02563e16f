using Sideman.Engine.State;

namespace Sideman.Plugin.State;

/// <summary>
/// Upgrades decoded state from <see cref="FromVersion"/> to the next version: rename or rescale ids,
/// convert blobs. Runs on the decoded values, so the binary reader stays simple.
/// </summary>
public sealed record StateMigration(int FromVersion, Action<Dictionary<string, double>, List<StateBlob>> Upgrade);

/// <summary>The chain of migrations, oldest first. Add one whenever <see cref="StateFormat.CurrentVersion"/> goes up.</summary>
public static class StateMigrations
{
    public static IReadOnlyList<StateMigration> All { get; } = [];
}
