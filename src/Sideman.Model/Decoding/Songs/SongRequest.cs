using Sideman.Music.Time;

namespace Sideman.Model.Decoding.Songs;

/// <summary>
/// What `sideman generate` asks for, as text the user typed. <see cref="SongPlan.Create"/> turns it into
/// per-bar conditioning. Energy: one level 0..4, a list per bar ("1,2,3,3"; the last repeats) or a ramp
/// ("1..4"). Sections: "name:bars" pairs in order ("intro:4,verse:8,chorus:8"; the last continues) or one
/// name for the whole song. Sections or levels past the song's last bar are not played, and the plan says so
/// (<see cref="SongPlan.Warnings"/>).
/// </summary>
public sealed record SongRequest
{
    public required string Chart { get; init; }
    public TimeSignature TimeSignature { get; init; } = TimeSignature.FourFour;
    public double Bpm { get; init; } = 120;
    public string Style { get; init; } = "pop";
    /// <summary>Key tonic as a note name; null takes the first chord's root.</summary>
    public string? Key { get; init; }
    public string Energy { get; init; } = "2";
    public string Sections { get; init; } = "verse";
    /// <summary>How many times the chart is played.</summary>
    public int Repeat { get; init; } = 1;
    /// <summary>Mark the bar before each section change as a fill.</summary>
    public bool Fills { get; init; }
}
