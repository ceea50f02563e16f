using System.Text.Json;

namespace Sideman.Model.Tokens;

/// <summary>
/// The decoding grammar exactly as models/vocab.json states it: an automaton whose transitions
/// are keyed by token name first, then by kind; integer registers with initial values and
/// per-kind resets; updates (register := attribute of the accepted token); and checks (a token
/// is allowed only if its attribute is greater/less than a register). <see cref="GrammarMask"/>
/// compiles it.
/// </summary>
public sealed class GrammarSpec
{
    public required string Start { get; init; }
    public required string End { get; init; }
    public required IReadOnlyList<string> States { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Transitions { get; init; }
    public required IReadOnlyList<Register> Registers { get; init; }
    public required IReadOnlyList<Update> Updates { get; init; }
    public required IReadOnlyList<Check> Checks { get; init; }

    public sealed record Register(string Name, int Initial, IReadOnlyDictionary<string, int> Resets);

    public sealed record Update(string Kind, string Register, string Attribute);

    public sealed record Check(string Kind, string Attribute, string Op, string Register);

    internal static GrammarSpec Read(string path, JsonElement g)
    {
        try
        {
            var states = new List<string>();
            var transitions = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var s in g.GetProperty("states").EnumerateObject())
            {
                states.Add(s.Name);
                transitions[s.Name] = s.Value.EnumerateObject()
                    .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            }
            var registers = g.GetProperty("registers").EnumerateObject().Select(r => new Register(
                r.Name, r.Value.GetProperty("initial").GetInt32(),
                r.Value.GetProperty("reset").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()))).ToList();
            var updates = g.GetProperty("updates").EnumerateArray().Select(u => new Update(
                u.GetProperty("kind").GetString()!, u.GetProperty("register").GetString()!,
                u.GetProperty("attribute").GetString()!)).ToList();
            var checks = g.GetProperty("checks").EnumerateArray().Select(c => new Check(
                c.GetProperty("kind").GetString()!, c.GetProperty("attribute").GetString()!,
                c.GetProperty("op").GetString()!, c.GetProperty("register").GetString()!)).ToList();
            var spec = new GrammarSpec
            {
                Start = g.GetProperty("start").GetString()!,
                End = g.GetProperty("end").GetString()!,
                States = states,
                Transitions = transitions,
                Registers = registers,
                Updates = updates,
                Checks = checks,
            };
            spec.Validate(path);
            return spec;
        }
        catch (KeyNotFoundException e)
        {
            throw new VocabularyException(path, $"grammar is missing a field ({e.Message})", e);
        }
    }

    private void Validate(string path)
    {
        var names = new HashSet<string>(States, StringComparer.Ordinal);
        if (!names.Contains(Start) || !names.Contains(End))
            throw new VocabularyException(path, "grammar start or end state is not among its states");
        foreach (var (state, table) in Transitions)
        {
            foreach (var (_, target) in table)
            {
                if (!names.Contains(target))
                    throw new VocabularyException(path, $"grammar state {state} goes to unknown state '{target}'");
            }
        }
        var regs = new HashSet<string>(Registers.Select(r => r.Name), StringComparer.Ordinal);
        foreach (var u in Updates)
        {
            if (!regs.Contains(u.Register))
                throw new VocabularyException(path, $"grammar update names unknown register '{u.Register}'");
        }
        foreach (var c in Checks)
        {
            if (!regs.Contains(c.Register))
                throw new VocabularyException(path, $"grammar check names unknown register '{c.Register}'");
            if (c.Op is not ("gt" or "lt"))
                throw new VocabularyException(path, $"grammar check has unknown op '{c.Op}'");
        }
    }
}
