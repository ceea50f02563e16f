namespace Sideman.Model.Tokens;

/// <summary>
/// Where a token sequence stands in the grammar: the automaton state and the register values.
/// Mutable and reusable: <see cref="GrammarMask.Reset"/> and <see cref="CopyTo"/> allocate
/// nothing, so the decoder can keep one per part and snapshot it before a guarded step.
/// </summary>
public sealed class GrammarCursor
{
    internal GrammarCursor(int registers)
    {
        Registers = new int[registers];
    }

    internal int State { get; set; }
    internal int[] Registers { get; }

    /// <summary>Copies this cursor's position into another cursor of the same grammar. [generator]</summary>
    public void CopyTo(GrammarCursor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Registers.Length != Registers.Length)
            throw new ArgumentException("cursor belongs to another grammar", nameof(other));
        other.State = State;
        Registers.AsSpan().CopyTo(other.Registers);
    }
}
