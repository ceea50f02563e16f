"""Energy levels of a render's section instances.

The model learns energy as its density control from what the renders pair with each EN token.
If a section's energy follows its type too closely (a verse at 0 or 4 in 1 render of 16), the
model reads density from the SEC token as well, and a verse asked for at energy 0 or 4 plays like
a verse at 2 (issue 11: `sideman evaluate` found 24 of 128 density ladders not rising). So a
render follows one of two plans, drawn once per render:

- arranged (most renders): a section type's typical level (SECTION_ENERGY), moved by a shift for
  the whole render and a jitter per instance, so songs build as bands play them;
- free (FREE_SHARE of renders): each section type gets a level drawn uniformly from 0..4 for
  the whole song (every verse alike, every chorus alike), so every section is seen at every level.

In both, the last chorus plays one level up (capped at 4): it still tends to be the peak.
"""

LEVELS = 5
SECTION_ENERGY = {"intro": 1, "verse": 2, "prechorus": 3, "chorus": 3, "bridge": 2, "solo": 3,
                  "outro": 1, "fill": 2, "none": 2}
FREE_SHARE = 0.4
RENDER_SHIFT = (-1, 0, 0, 1)
INSTANCE_JITTER = (-1, 0, 0, 1)


def assign(rng, sections):
    """{section_index: energy 0..4} for a song's bars given as [(section_index, section type)] in
    order. Draws from rng a fixed number of times for a given song, so renders stay deterministic."""
    free = rng.random() < FREE_SHARE
    shift = rng.choice(RENDER_SHIFT)
    type_level = {}
    last_chorus = max((i for i, s in sections if s == "chorus"), default=-1)
    out = {}
    for index, section in sections:
        if index in out:
            continue
        if free:
            if section not in type_level:
                type_level[section] = rng.randrange(LEVELS)
            e = type_level[section]
        else:
            e = SECTION_ENERGY.get(section, 2) + shift + rng.choice(INSTANCE_JITTER)
        if index == last_chorus:
            e += 1
        out[index] = max(0, min(LEVELS - 1, e))
    return out
