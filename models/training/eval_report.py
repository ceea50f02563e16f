"""eval.json -> eval.md: the evaluation tables (generated vs held-out human data vs authored renders)."""
from __future__ import annotations

PARTS = ("drums", "bass", "keys", "pad", "arp", "melody")
PITCHED_METRICS = ("chord_tone_strong", "chord_tone_all", "scale_consistency", "pc_entropy")
COMMON_METRICS = ("groove_consistency", "empty_bar_rate")
DRUM_METRICS = ("drum_pattern_consistency",)
LABELS = {
    "chord_tone_strong": "chord tones, strong beats",
    "chord_tone_all": "chord tones, all onsets",
    "scale_consistency": "scale consistency",
    "pc_entropy": "pitch-class entropy (bits)",
    "groove_consistency": "groove consistency",
    "drum_pattern_consistency": "drum-pattern consistency",
    "empty_bar_rate": "empty-bar rate",
    "density": "events per bar (mean)",
    "density_rises": "density rises with energy",
    "copy_rate": "copy rate (2-bar spans)",
}


def fmt(x) -> str:
    if x is None:
        return "–"
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, float):
        return f"{x:.3f}"
    return str(x)


def mean_density(s: dict | None):
    if not s or not s.get("density_by_energy"):
        return None
    d = s["density_by_energy"].values()
    bars = sum(v["bars"] for v in d)
    return round(sum(v["mean"] * v["bars"] for v in d) / bars, 3) if bars else None


def value(s: dict | None, metric: str):
    if s is None:
        return None
    if metric == "density":
        return mean_density(s)
    return s.get(metric)


def markdown(r: dict) -> str:
    out = ["# Sideman model evaluation", ""]
    out += header_section(r) + nll_section(r) + comparison_section(r) + density_section(r) + sweep_section(r)
    out += copy_section(r) + external_section(r) + definitions_section(r)
    return "\n".join(out)


def guarded_or_raw(r: dict) -> dict:
    g = r.get("generated", {})
    return g.get("guarded") or g.get("unguarded") or {}


def header_section(r: dict) -> list:
    out = []
    if "model" in r:
        out.append(f"Checkpoint step {r['model']['checkpoint_step']}; split `{r['split']}`; "
                   f"sampling T={r['sampling']['temperature']}, top-p={r['sampling']['top_p']}, "
                   f"seed {r['sampling']['seed']}, {r['sampling']['per_group']} prompts per (part, origin), "
                   "grammar mask on. Generated columns are the guarded samples (what ships).")
        out.append("")
    return out


def nll_section(r: dict, level: str = "##") -> list:
    out = []
    if "nll" in r:
        out += [f"{level} NLL per token (test split, teacher-forced)", "",
                "| part | all tokens | event tokens | tokens |", "|---|---|---|---|"]
        for p in (*PARTS, "all_parts"):
            if p in r["nll"]:
                n = r["nll"][p]
                out.append(f"| {p} | {n['all']:.3f} | {n['events']:.3f} | {n['tokens']:,} |")
        out.append("")
    return out


def comparison_section(r: dict, level: str = "##") -> list:
    gen = guarded_or_raw(r)
    data = r.get("data", {})
    out = [f"{level} Generated vs held-out data", "",
            "Human = test-split examples from the licensed corpus; authored = test-split renders of the "
            "project's style library. Generated = the model's events under the conditioning of those same "
            "test examples.", "",
            "| part | metric | human (test) | generated, human prompts | authored (test) | generated, authored prompts |",
            "|---|---|---|---|---|---|"]
    for p in PARTS:
        metrics = (DRUM_METRICS if p == "drums" else PITCHED_METRICS) + COMMON_METRICS + ("density", "density_rises")
        for m in metrics:
            cells = [value(data.get(f"{p}/human"), m), value(gen.get(f"{p}/human"), m),
                     value(data.get(f"{p}/authored"), m), value(gen.get(f"{p}/authored"), m)]
            if all(c is None for c in cells):
                continue
            out.append(f"| {p} | {LABELS.get(m, m)} | " + " | ".join(fmt(c) for c in cells) + " |")
    out.append("")
    return out


def density_section(r: dict, level: str = "##") -> list:
    gen = guarded_or_raw(r)
    data = r.get("data", {})
    out = [f"{level} Note density per energy level (events per bar)", "",
            "| part | data | EN0 | EN1 | EN2 | EN3 | EN4 | rises |", "|---|---|---|---|---|---|---|---|"]
    for p in PARTS:
        for label, s in ((f"human (test)", data.get(f"{p}/human")), ("generated, human prompts", gen.get(f"{p}/human")),
                         ("authored (test)", data.get(f"{p}/authored")),
                         ("generated, authored prompts", gen.get(f"{p}/authored"))):
            if not s:
                continue
            d = s.get("density_by_energy", {})
            cells = [f"{d[str(k)]['mean']:.2f} ({d[str(k)]['bars']})" if str(k) in d else "–" for k in range(5)]
            out.append(f"| {p} | {label} | " + " | ".join(cells) + f" | {fmt(s.get('density_rises'))} |")
    out += ["", "Cells: mean (bars). 'rises' needs >= 20 bars at a level to count it. Each level here holds "
                "different prompts (other styles and pieces), so a level's mean mixes style with energy; the energy "
                "sweep below holds the prompts fixed and changes only the energy.", ""]
    return out


def sweep_section(r: dict, level: str = "##") -> list:
    out = []
    if r.get("energy_sweep"):
        out += [f"{level} Energy sweep (same prompts, every bar forced to one level; guarded)", "",
                "| part | prompts | EN0 | EN1 | EN2 | EN3 | EN4 | rises |", "|---|---|---|---|---|---|---|---|"]
        for p, s in r["energy_sweep"].items():
            cells = [f"{s['density'][str(k)]['mean']:.2f}" if s["density"].get(str(k)) else "–" for k in range(5)]
            out.append(f"| {p} | {s['prompts']} | " + " | ".join(cells) + f" | {fmt(s['rises'])} |")
        out.append("")
    return out


def copy_section(r: dict, level: str = "##") -> list:
    out = []
    if r.get("copy_rates"):
        out += [f"{level} Copy rate (bars whose 2-bar span with the previous bar is in the train index)", "",
                "| sequences | copied bars | bars checked | rate |", "|---|---|---|---|"]
        for k, c in r["copy_rates"].items():
            out.append(f"| {k.replace('_', ' ')} | {c['copied_bars']} | {c['bars']} | {fmt(c['rate'])} |")
        g = r.get("generated", {}).get("guarded", {})
        if g:
            tot = {k: sum(s.get("guard", {}).get(k, 0) for s in g.values())
                   for k in ("bars", "rejected", "resampled_bars", "last_resort")}
            out += ["", f"Guard: {tot['bars']} bars generated, {tot['rejected']} sampled bars rejected as copies, "
                        f"{tot['resampled_bars']} bars needed a resample, {tot['last_resort']} needed the last resort "
                        "(a velocity nudge after every try copied)."]
        out.append("")
    return out


def external_section(r: dict, level: str = "##") -> list:
    out = []
    if r.get("external"):
        out += [f"{level} External samples ({', '.join(r.get('external_files', []))})", "",
                "| part | sequences | chord tones strong | scale | entropy | groove | empty bars | copy rate |",
                "|---|---|---|---|---|---|---|---|"]
        for p, s in r["external"].items():
            out.append(f"| {p} | {s['sequences']} | {fmt(s['chord_tone_strong'])} | {fmt(s['scale_consistency'])} | "
                       f"{fmt(s['pc_entropy'])} | {fmt(s['groove_consistency'])} | {fmt(s['empty_bar_rate'])} | "
                       f"{fmt(s.get('copy_rate'))} |")
        out.append("")
    return out


def definitions_section(r: dict, level: str = "##") -> list:
    out = [f"{level} Definitions", ""]
    for k, v in r.get("definitions", {}).items():
        out.append(f"- **{k}**: {v}")
    out.append("")
    return out
