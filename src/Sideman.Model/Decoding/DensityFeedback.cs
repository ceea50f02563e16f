using System.Runtime.CompilerServices;

namespace Sideman.Model.Decoding;

/// <summary>
/// Closes the loop around density steering. Steering alone pulls each bar towards its energy level's figure, but where
/// the model has one habit for two levels (straight eighths for punk's bass at energy 2 and 3) every bar lands on the
/// same count and the levels tie. Per level, this keeps how far the steering's set point has been moved: after each kept
/// bar it moves by <see cref="GeneratorSettings.DensityFeedback"/> times the bar's shortfall (an integral controller), so
/// a level whose bars keep missing its figure is steered further until they meet it or the set point reaches its limit
/// (half the figure, at least one note, either way). Stored with each bar in the context window, so a rollback restores
/// it exactly; a new song starts from the figures themselves. A value type with no references: allocates nothing.
/// </summary>
internal struct DensityFeedback
{
    private LevelOffsets _offsets;

    /// <summary>How far the set point of <paramref name="level"/> is from its figure, in notes per bar.</summary>
    public readonly float Offset(int level) => _offsets[level];

    /// <summary>The feedback after a bar at <paramref name="level"/> (figure <paramref name="figure"/>) kept <paramref name="notes"/> notes.</summary>
    public readonly DensityFeedback After(int level, float figure, int notes, float gain)
    {
        DensityFeedback next = this;
        float limit = Math.Max(1f, 0.5f * figure);
        next._offsets[level] = Math.Clamp(_offsets[level] + gain * (figure - notes), -limit, limit);
        return next;
    }

    [InlineArray(DensityTargets.Levels)]
    private struct LevelOffsets
    {
        private float _level;
    }
}
