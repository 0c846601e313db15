"""Writes discretization.json: Discretization.adapt quantile boundaries from a numpy reference.

tfjs has no Discretization, so this is a numpy reference written from the formulas of Keras 3's
keras/src/layers/preprocessing/discretization.py (summarize / merge_summaries / compress_summary /
get_bin_boundaries), with numpy's dtypes as Keras uses them: float32 data, summaries and cumulative weights, float64
percentiles and interpolation. The docstring example of that file is reproduced as the first case (boundaries
[0.0, 0.5, 1.3]) to check the reference itself. Batches never share values, so numpy's unstable argsort order does
not matter. Regenerate with `/usr/bin/python3 Tests/Golden/TextPreprocessing/discretization.py` (numpy).
"""
import json
import os

import numpy as np


def summarize(values, epsilon):
    """Every max(n*epsilon, 1)-th sorted value, starting at n*epsilon, each weighted by that step."""
    values = np.sort(np.reshape(values, [-1]))
    increment = np.size(values) / (1.0 / epsilon)
    step = max(increment, 1)
    picked = values[int(increment)::int(step)]
    return np.stack([picked, np.ones_like(picked) * step])


def compress(summary, epsilon):
    """Values and cumulative weights interpolated at the percentiles epsilon, 2*epsilon, ..."""
    if summary.shape[1] * epsilon < 1:
        return summary
    percents = epsilon + np.arange(0.0, 1.0, epsilon)
    cumulative = summary[1].cumsum()
    fractions = cumulative / cumulative[-1]
    new_values = np.interp(percents, fractions, summary[0])
    new_cumulative = np.interp(percents, fractions, cumulative)
    new_weights = new_cumulative - np.concatenate((np.array([0]), new_cumulative[:-1]))
    return np.stack((new_values, new_weights)).astype("float32")


def merge(previous, new, epsilon):
    merged = np.concatenate((new, previous), axis=1)
    return compress(np.take(merged, np.argsort(merged[0]), axis=1), epsilon)


def adapt(batches, num_bins, epsilon):
    summary = np.array([[], []], dtype="float32")
    for batch in batches:
        summary = merge(summary, summarize(np.array(batch).astype("float32"), epsilon), epsilon)
    return compress(summary, 1.0 / num_bins)[0, :-1].tolist()


def case(name, batches, num_bins, epsilon, probe):
    batches = [np.asarray(b, dtype="float32") for b in batches]
    boundaries = adapt(batches, num_bins, epsilon)
    probe = np.asarray(probe, dtype="float32")
    bins = np.digitize(probe, np.asarray(boundaries, dtype="float32"))
    return {"name": name, "num_bins": num_bins, "epsilon": epsilon,
            "batches": [[float(v) for v in b.reshape(-1)] for b in batches],
            "boundaries": boundaries, "probe": [float(v) for v in probe], "probe_bins": [int(b) for b in bins]}


rng = np.random.default_rng(5)
x = [[-1.5, 1.0, 3.4, .5], [0.0, 3.0, 1.3, 0.0]]
normal = rng.normal(size=400)
cases = [
    case("keras_docstring", [x], 4, 0.01, np.reshape(x, [-1])),
    case("normal_400_five_bins", [normal], 5, 0.01, rng.normal(size=12)),
    case("normal_400_coarse_epsilon", [normal], 3, 0.1, rng.normal(size=12)),
    case("three_batches_merged", [rng.uniform(-2, 2, size=n) for n in (50, 120, 31)], 4, 0.05,
         rng.uniform(-2.5, 2.5, size=12)),
    case("duplicates", [np.repeat(np.arange(5.0), [10, 40, 5, 30, 15])], 3, 0.01, np.arange(-1.0, 6.0)),
    case("fewer_values_than_buckets", [rng.exponential(size=7)], 6, 0.01, rng.exponential(size=8)),
    case("many_bins_fine_epsilon", [rng.exponential(size=300)], 10, 0.001, rng.exponential(size=12)),
]
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "discretization.json")
with open(path + ".tmp", "w") as out:
    json.dump({"generator": f"numpy {np.__version__} reference of Keras' Discretization.adapt", "cases": cases}, out)
    out.write("\n")
os.replace(path + ".tmp", path)
print(f"{path}: {len(cases)} cases; docstring boundaries {cases[0]['boundaries']}")
