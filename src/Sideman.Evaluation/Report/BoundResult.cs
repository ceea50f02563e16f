namespace Sideman.Evaluation.Report;

/// <summary>
/// One bound checked on one subject (a style, a style and seed, a part of a style, a metre): the figure, the
/// limit it must meet and whether it does, with the whole case in words (<see cref="Text"/>).
/// </summary>
public sealed record BoundResult(string Bound, string Subject, double Figure, string Limit, bool Holds, string Text);
