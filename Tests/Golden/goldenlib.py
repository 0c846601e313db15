"""Shared helpers for the Python fixture generators (see README.md).

Run with Debian's interpreter: /usr/bin/python3 (python3-torch 1.13, numpy). Deterministic: inputs and weights come
from numpy's seeded generator. Where a layer's Keras layout differs from torch's, the generator writes the
conversion out explicitly (e.g. Keras conv kernel (kh, kw, in, out) = torch weight (out, in, kh, kw).permute(2, 3, 1, 0)).
"""
import json
import os

import numpy as np
import torch

torch.set_default_dtype(torch.float64)


def rng(seed=7):
    return np.random.RandomState(seed)


def uniform(random, shape, lo=-1.0, hi=1.0):
    """float32 values (then held in float64 for an exact reference computation)."""
    return random.uniform(lo, hi, size=shape).astype(np.float32).astype(np.float64)


def tensor_json(a, name=None, dtype=None):
    a = np.asarray(a)
    if dtype is None:
        dtype = "bool" if a.dtype == np.bool_ else ("int64" if np.issubdtype(a.dtype, np.integer) else "float32")
    if dtype == "float32":
        data = [float(np.float32(v)) for v in a.reshape(-1)]
    else:
        data = [int(v) for v in a.reshape(-1)]
    o = {"shape": list(a.shape), "data": data}
    if dtype != "float32":
        o["dtype"] = dtype
    if name is not None:
        o["name"] = name
    return o


def grads_case(name, keras_layer, fn, inputs, weights, weight_names, training=False, seed=11, rtol=None,
               input_masks=None, extra=None):
    """Builds a case from a float64 torch reference `fn(inputs, weights) -> output or list of outputs`.

    inputs/weights: lists of numpy arrays in Keras layout (weights in Keras order). Gradients of
    sum(output * upstream) with respect to float inputs and every weight are recorded.
    """
    random = rng(seed)
    xs = [torch.tensor(x, requires_grad=np.issubdtype(np.asarray(x).dtype, np.floating)) for x in inputs]
    ws = [torch.tensor(w, requires_grad=True) for w in weights]
    out = fn(xs, ws)
    outs = list(out) if isinstance(out, (list, tuple)) else [out]
    upstream = [torch.tensor(uniform(random, tuple(o.shape))) for o in outs]
    loss = sum((o * u).sum() for o, u in zip(outs, upstream))
    diff = [x for x in xs if x.requires_grad] + ws
    grads = torch.autograd.grad(loss, diff, allow_unused=True) if diff else []
    gi = [g if g is not None else torch.zeros_like(v) for g, v in zip(grads, diff)]
    n_float = sum(1 for x in xs if x.requires_grad)
    case = {
        "name": name,
        "layer": keras_layer,
        "inputs": [tensor_json(np.asarray(x)) for x in inputs],
        "weights": [tensor_json(w, n) for w, n in zip(weights, weight_names)],
        "training": training,
        "outputs": [tensor_json(o.detach().numpy()) for o in outs],
        "upstream": [tensor_json(u.numpy()) for u in upstream],
        "input_gradients": [tensor_json(g.detach().numpy()) for g in gi[:n_float]],
        "weight_gradients": [tensor_json(g.detach().numpy()) for g in gi[n_float:]],
    }
    if len(inputs) == 1 and len(outs) > 1:
        case["multi_output"] = True
    if input_masks is not None:
        case["input_masks"] = [None if m is None else tensor_json(np.asarray(m, dtype=np.float32)) for m in input_masks]
    if rtol is not None:
        case["rtol"] = rtol
    if extra:
        case.update(extra)
    return case


def write_fixture(path, cases, generator="python3-torch " + torch.__version__ + " (float64 reference)"):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump({"generator": generator, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    os.replace(tmp, path)
    print(f"{path}: {len(cases)} cases")
