"""The decoding grammar, applied from the data in vocab.json["grammar"].

The same rules run in C# (src/Sideman.Model/Tokens/GrammarMask.cs) as the sampling mask.
Here they check that every sequence we write is well-formed, and the tests sample random
sequences under the mask to prove that anything the mask allows decodes.
"""

import numpy as np


class GrammarError(ValueError):
    pass


class GrammarState:
    __slots__ = ("state", "registers")

    def __init__(self, state, registers):
        self.state = state
        self.registers = registers

    def copy(self):
        return GrammarState(self.state, list(self.registers))


class Grammar:
    def __init__(self, vocab):
        g = vocab.data["grammar"]
        self.vocab = vocab
        names = list(g["states"])
        self.state_names = names
        index = {n: i for i, n in enumerate(names)}
        self.start_state, self.end_state = index[g["start"]], index[g["end"]]
        V = vocab.size
        # next_state[s, token] = target state index, -1 if the automaton forbids the token.
        self.next_state = np.full((len(names), V), -1, dtype=np.int32)
        for s, table in g["states"].items():
            for t in vocab.tokens:
                target = table.get(t["name"], table.get(t["kind"]))
                if target is not None:
                    if target not in index:
                        raise GrammarError(f"{vocab.path}: state {s} goes to unknown state {target}")
                    self.next_state[index[s], t["id"]] = index[target]
        self.reg_names = list(g["registers"])
        reg = {n: i for i, n in enumerate(self.reg_names)}
        self.reg_initial = [g["registers"][n]["initial"] for n in self.reg_names]
        self.resets = {}  # kind -> [(register, value)]
        for n, spec in g["registers"].items():
            for kind, value in spec["reset"].items():
                self.resets.setdefault(kind, []).append((reg[n], value))
        self.updates = {}  # kind -> [(register, attribute)]
        for u in g["updates"]:
            self.updates.setdefault(u["kind"], []).append((reg[u["register"]], u["attribute"]))
        # checks as (token ids of the kind, attribute values, op, register)
        self.checks = []
        for c in g["checks"]:
            ids = np.array([t["id"] for t in vocab.tokens if t["kind"] == c["kind"]], dtype=np.int64)
            values = np.array([vocab.tokens[i][c["attribute"]] for i in ids], dtype=np.int64)
            if c["op"] not in ("gt", "lt"):
                raise GrammarError(f"{vocab.path}: unknown check op {c['op']}")
            self.checks.append((c["kind"], ids, values, c["op"], reg[c["register"]]))
        self.check_by_kind = {}
        for chk in self.checks:
            self.check_by_kind.setdefault(chk[0], []).append(chk)

    def start(self):
        return GrammarState(self.start_state, list(self.reg_initial))

    def is_end(self, st):
        return st.state == self.end_state

    def mask(self, st):
        """Boolean array over the vocabulary: True where the token may come next."""
        m = self.next_state[st.state] >= 0
        for kind, ids, values, op, r in self.checks:
            rv = st.registers[r]
            ok = values > rv if op == "gt" else values < rv
            m[ids] &= ok
        return m

    def allows(self, st, token):
        if self.next_state[st.state, token] < 0:
            return False
        kind = self.vocab.kind[token]
        for _, ids, values, op, r in self.check_by_kind.get(kind, ()):
            attr = values[np.searchsorted(ids, token)]
            if not (attr > st.registers[r] if op == "gt" else attr < st.registers[r]):
                return False
        return True

    def step(self, st, token):
        """Advance in place; raises GrammarError naming the token and state if not allowed."""
        if not self.allows(st, token):
            raise GrammarError(f"token {self.vocab.name(token)} not allowed in state "
                               f"{self.state_names[st.state]} (registers "
                               f"{dict(zip(self.reg_names, st.registers))})")
        kind = self.vocab.kind[token]
        st.state = int(self.next_state[st.state, token])
        for r, value in self.resets.get(kind, ()):
            st.registers[r] = value
        for r, attr in self.updates.get(kind, ()):
            st.registers[r] = self.vocab.tokens[token][attr]
        return st

    def check_sequence(self, tokens, require_end=True):
        st = self.start()
        for i, t in enumerate(tokens):
            try:
                self.step(st, int(t))
            except GrammarError as e:
                raise GrammarError(f"at position {i}: {e}")
        if require_end and not self.is_end(st):
            raise GrammarError(f"sequence ends in state {self.state_names[st.state]}, not END")
        return st
