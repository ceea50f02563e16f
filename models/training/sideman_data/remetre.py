"""Re-metred renders: a Billboard progression laid into bars of another metre.

The McGill Billboard songs are almost all in 4/4 (692 of 739), so renders in their own metre
give the model few 3/4, 6/8 and 5/4 bars to learn where those metres' strong beats fall. A
re-metred render keeps the song's bars, sections and chords and plays each bar in the target
metre with the style's patterns for it, as a band does when it takes a tune as a waltz or in 5.

Where the chords go: a change at the half bar moves to the start of the metre's second beat
group (3/4: beat 3; 6/8: the fourth eighth; 5/4, played 3+2: beat 4; 12/8: the third dotted
quarter); any other change goes to the nearest beat (simple metres) or eighth (compound ones).
"""

# Share of renders that are re-metred, and how the target metre is drawn (among the metres
# that a style not yet used for the song declares).
SHARE = 0.3
WEIGHTS = {(3, 4): 1.0, (6, 8): 1.0, (5, 4): 1.0, (12, 8): 0.4}

TICKS_PER_QUARTER = 24


def choose_metre(rng, song_metre, declared):
    """The metre to render in: the song's own, or (with probability SHARE) another one from
    WEIGHTS that some candidate style declares. `declared` is the set of those metres. Always
    draws from rng once, twice when it re-metres, so a render's stream is fixed by its seed."""
    if rng.random() >= SHARE:
        return song_metre
    options = [m for m in WEIGHTS if m != song_metre and m in declared]
    if not options:
        return song_metre
    return rng.choices(options, weights=[WEIGHTS[m] for m in options])[0]


def group_start(metre):
    """Tick where the second beat group of a bar of this metre starts."""
    num, den = metre
    ticks = num * 4 * TICKS_PER_QUARTER // den
    if den == 8 and num % 3 == 0:  # compound: dotted-quarter beats
        beats, beat = num // 3, 3 * TICKS_PER_QUARTER // 2
    else:
        beats, beat = num, ticks // num
    return ((beats + 1) // 2) * beat


def chord_tick(frac, metre):
    """Tick in a bar of `metre` for a chord that starts `frac` of the way through its source bar."""
    num, den = metre
    ticks = num * 4 * TICKS_PER_QUARTER // den
    if frac <= 0:
        return 0
    if abs(frac - 0.5) < 1e-9:
        return group_start(metre)
    grid = TICKS_PER_QUARTER // 2 if den == 8 else TICKS_PER_QUARTER * 4 // den
    return int(frac * ticks / grid + 0.5) * grid
