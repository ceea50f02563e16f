"""Per-bar fingerprints for the originality guard.

A bar's fingerprint is FNV-1a 64-bit over the little-endian int32 ids of its *event* tokens:
everything after the bar header and chord list (from its first POS to the token before the
next BAR or EOS). Pitched events are chord-relative, so the same figure played over other
chords has the same fingerprint: the guard catches a copied pattern, not a copied chord
chart. A bar without events gets 0, which the guard skips (silence is never a copy).

The dataset build writes, per split, `<split>.barhash.npy` (uint64, one per bar, all
examples concatenated) and `<split>.bar_offsets.npy` (int64, N+1). An index of consecutive
pairs (h[i], h[i+1]) per part then answers "does this generated 2-bar span exist in the
training data?". src/Sideman.Model/Tokens/BarFingerprint.cs computes the same hash.
"""

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK = 0xFFFFFFFFFFFFFFFF


def fnv1a64(token_ids):
    h = FNV_OFFSET
    for t in token_ids:
        for b in int(t).to_bytes(4, "little", signed=True):
            h ^= b
            h = (h * FNV_PRIME) & MASK
    return h


def bar_event_spans(vocab, tokens):
    """[(start, end)] of the event tokens of each bar in a token sequence (end exclusive)."""
    spans = []
    start = None
    in_bar = False
    for i, t in enumerate(tokens):
        k = vocab.kind[int(t)]
        if k in ("BAR", "EOS"):
            if in_bar:
                spans.append((start if start is not None else i, i))
            in_bar = k == "BAR"
            start = None
        elif in_bar and start is None and k == "POS":
            start = i
    return spans


def bar_hashes(vocab, tokens):
    """One fingerprint per bar of a token sequence (0 for a bar without events)."""
    return [fnv1a64(tokens[a:b]) if b > a else 0 for a, b in bar_event_spans(vocab, tokens)]
