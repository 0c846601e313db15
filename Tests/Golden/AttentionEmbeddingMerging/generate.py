"""Golden fixtures for the layers tfjs lacks or where tfjs (Keras 2) differs from Keras 3.

Regenerate: /usr/bin/python3 Tests/Golden/AttentionEmbeddingMerging/generate.py

A float64 torch reference written from the Keras 3 sources (keras/src/layers/merging/*.py,
keras/src/layers/attention/{attention,additive_attention,multi_head_attention}.py, layers/activations/softmax.py):

* Merges with masks (Keras 3 `Merge`): the output mask is the OR of the input masks when every input has one, else
  none. `Multiply` treats masked values as 1 (and zeroes positions masked everywhere); `Maximum`/`Minimum`
  (`_apply_merge_op_and_or_mask`) let a masked position take the other input's value. `Concatenate`'s mask joins the
  masks (unmasked inputs count as all-true) along the axis, then ORs the last axis. `Dot` never has a mask.
* `Subtract`: x0 - x1 with broadcasting.
* `Attention`/`AdditiveAttention`: scores (dot: q·kᵀ·scale; concat: w·Σ tanh(scale·(q+k)); additive: Σ scale·tanh(q+k)),
  scores -= 1e9 where the value mask (as (B, 1, Tv)) AND the causal mask is false, softmax, weights·v, output rows of
  masked query positions zeroed. Keras 3's non-causal branch passes the (B, Tv) value mask unexpanded, which only
  broadcasts correctly when B == 1; the reference follows the documented (and Keras 2) (B, 1, Tv) form. Value masks keep
  the first positions, so no score row is fully masked (float32 and float64 would then disagree on -1e9 offsets).
* `MultiHeadAttention`: EinsumDense projections with the einsum layouts written out below, query scaled by
  1/sqrt(key_dim), scores `einsum(key, query)`, the mask of `_compute_attention_mask` (query (B,T,1) & value (B,1,S) &
  key (B,1,S) & causal (1,T,S) & attention_mask) inserted at the heads axis, Keras 3's masked `Softmax`
  (where(mask, x, -1e9) → softmax over the attention axes → where(mask, p, 0)), then `einsum(weights, value)` and the
  output projection. This is Keras' explicit-softmax path (used while training and with return_attention_scores); its
  fused inference path differs only for fully masked query rows, which here attend to nothing.

Call options of a case (`call_args`: use_causal_mask, return_attention_scores; `attention_mask`) are read by
Tests/Core/Layers/Attention/AttentionGoldenRunner.cs.
"""
import math
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from goldenlib import grads_case, rng, tensor_json, uniform, write_fixture  # noqa: E402

r = rng(17)
cases = []


def layer(class_name, **config):
    return {"class_name": class_name, "config": {"name": class_name.lower(), **config}}


def masks_json(masks):
    return [None if m is None else tensor_json(np.asarray(m, dtype=np.float32)) for m in masks]


def bool_tensor(m):
    return None if m is None else torch.tensor(np.asarray(m, dtype=bool))


# ---------------------------------------------------------------- merges (Keras 3 masks)

def expand(m, x):
    return m.unsqueeze(-1).expand(x.shape)


def or_mask(masks):
    if any(m is None for m in masks):
        return None
    out = masks[0]
    for m in masks[1:]:
        out = out | m
    return out


def merge_add(xs, ms):
    out = xs[0]
    for x in xs[1:]:
        out = out + x
    return out


def merge_average(xs, ms):
    return merge_add(xs, ms) / len(xs)


def merge_subtract(xs, ms):
    return xs[0] - xs[1]


def merge_multiply(xs, ms):
    has_output_mask = all(m is not None for m in ms)
    out, out_mask = None, None
    for x, m in zip(xs, ms):
        if m is not None:
            m = expand(m, x)
            x = torch.where(m, x, torch.ones_like(x))
            if has_output_mask:
                out_mask = m if out_mask is None else out_mask | m
        out = x if out is None else out * x
    return torch.where(out_mask, out, torch.zeros_like(out)) if has_output_mask else out


def merge_op_or_mask(op):
    def merge(xs, ms):
        out, out_mask = None, None
        for x, m in zip(xs, ms):
            m = None if m is None else expand(m, x)
            if out is None:
                out, out_mask = x, m
                continue
            if m is not None:
                x = torch.where(m, x, out)
            if out_mask is not None:
                out = torch.where(out_mask, out, x)
            out_mask = out_mask | m if (m is not None and out_mask is not None) else None
            out = op(out, x)
        return out
    return merge


def align_ranks(xs):
    rank = max(x.dim() for x in xs)
    out = []
    for x in xs:
        while x.dim() < rank:
            x = x.unsqueeze(1)
        out.append(x)
    return out


def merge_case(name, class_name, fn, shapes, masks=None, **config):
    inputs = [uniform(r, s) for s in shapes]
    masks = masks or [None] * len(shapes)
    tmasks = [bool_tensor(m) for m in masks]
    same_rank = len({len(s) for s in shapes}) == 1

    def run(xs, ws):
        return fn(xs if same_rank else align_ranks(xs), tmasks if same_rank else [None] * len(xs))

    out_mask = or_mask(tmasks)
    extra = {"output_masks": masks_json([None if out_mask is None else out_mask.numpy()])}
    cases.append(grads_case(name, layer(class_name, **config), run, inputs, [], [],
                            input_masks=masks if any(m is not None for m in masks) else None, extra=extra))


m1 = [[1, 1, 0, 1], [0, 1, 1, 1]]
m2 = [[1, 0, 0, 1], [0, 0, 1, 1]]
merge_case("subtract_basic", "Subtract", merge_subtract, [(2, 3, 4), (2, 3, 4)])
merge_case("subtract_broadcast_rank", "Subtract", merge_subtract, [(3, 2, 5), (3, 5)])
merge_case("subtract_masks", "Subtract", merge_subtract, [(2, 4, 3), (2, 4, 3)], [m1, m2])
merge_case("add_masks_both", "Add", merge_add, [(2, 4, 3), (2, 4, 3)], [m1, m2])
merge_case("add_mask_one", "Add", merge_add, [(2, 4, 3), (2, 4, 3)], [m1, None])
merge_case("average_masks_both", "Average", merge_average, [(2, 4, 3), (2, 4, 3), (2, 4, 3)], [m1, m2, m1])
merge_case("multiply_masks_both", "Multiply", merge_multiply, [(2, 4, 3), (2, 4, 3)], [m1, m2])
merge_case("multiply_mask_one", "Multiply", merge_multiply, [(2, 4, 3), (2, 4, 3)], [m1, None])
merge_case("multiply_masks_three", "Multiply", merge_multiply, [(2, 4, 3)] * 3, [m1, m2, [[0, 0, 0, 1], [1, 0, 0, 0]]])
merge_case("maximum_masks_both", "Maximum", merge_op_or_mask(torch.maximum), [(2, 4, 3), (2, 4, 3)], [m1, m2])
merge_case("maximum_mask_first", "Maximum", merge_op_or_mask(torch.maximum), [(2, 4, 3), (2, 4, 3)], [m1, None])
merge_case("maximum_broadcast_rank", "Maximum", merge_op_or_mask(torch.maximum), [(3, 2, 5), (3, 5)])
merge_case("minimum_masks_three", "Minimum", merge_op_or_mask(torch.minimum), [(2, 4, 3)] * 3, [m1, m2, m1])
merge_case("minimum_mask_second", "Minimum", merge_op_or_mask(torch.minimum), [(2, 4, 3), (2, 4, 3)], [None, m2])
merge_case("minimum_broadcast_size1", "Minimum", merge_op_or_mask(torch.minimum), [(2, 3, 4), (2, 1, 4)])


def concat_case(name, axis, shapes, masks):
    inputs = [uniform(r, s) for s in shapes]
    tmasks = [bool_tensor(m) for m in masks]
    full = []
    for x, m in zip(inputs, tmasks):
        x = torch.tensor(x)
        full.append(torch.ones(x.shape, dtype=torch.bool) if m is None else expand(m, x))
    out_mask = torch.cat(full, dim=axis).any(-1)
    cases.append(grads_case(name, layer("Concatenate", axis=axis), lambda xs, ws: torch.cat(xs, dim=axis), inputs, [],
                            [], input_masks=masks, extra={"output_masks": masks_json([out_mask.numpy()])}))


concat_case("concatenate_masks_axis1", 1, [(2, 4, 3), (2, 2, 3)], [m1, None])
concat_case("concatenate_masks_last_axis", -1, [(2, 4, 3), (2, 4, 2)], [m1, m2])


def dot_case(name, axes, shapes, masks=None, normalize=False):
    inputs = [uniform(r, s) for s in shapes]

    def run(xs, ws):
        x, y = xs
        ax = [a % x.dim() for a in ([axes, axes] if isinstance(axes, int) else axes)]
        ax[1] = (axes if isinstance(axes, int) else axes[1]) % y.dim()
        if normalize:
            x = x * torch.clamp(torch.rsqrt((x * x).sum(ax[0], keepdim=True)), max=1e7)
            y = y * torch.clamp(torch.rsqrt((y * y).sum(ax[1], keepdim=True)), max=1e7)
        out = torch.cat([torch.tensordot(x[i], y[i], dims=([ax[0] - 1], [ax[1] - 1])).unsqueeze(0)
                         for i in range(x.shape[0])])
        return out.reshape(x.shape[0], 1) if out.dim() == 1 else out

    cases.append(grads_case(name, layer("Dot", axes=axes, normalize=normalize), run, inputs, [], [],
                            input_masks=masks, extra={"output_masks": [None]}))


dot_case("dot_rank4_axes_minus2_minus1", [-2, -1], [(2, 3, 2), (2, 1, 2, 3)])
dot_case("dot_rank3_normalize_masks_dropped", 2, [(2, 4, 3), (2, 5, 3)], masks=[m1, [[1, 1, 0, 0, 1], [1, 0, 1, 1, 1]]],
         normalize=True)

# ---------------------------------------------------------------- Attention / AdditiveAttention


def causal(tq, tv):
    return torch.tril(torch.ones(tq, tv, dtype=torch.bool)).unsqueeze(0)


def attention_case(name, class_name, config, shapes, weights, weight_names, q_mask=None, v_mask=None,
                   use_causal_mask=False, return_scores=False):
    inputs = [uniform(r, s) for s in shapes]
    qm, vm = bool_tensor(q_mask), bool_tensor(v_mask)
    mode = config.get("score_mode", "dot")

    def run(xs, ws):
        q, v = xs[0], xs[1]
        k = xs[2] if len(xs) > 2 else v
        wi = iter(ws)
        scale = next(wi) if config.get("use_scale", class_name == "AdditiveAttention") else None
        if class_name == "AdditiveAttention":
            t = torch.tanh(q.unsqueeze(-2) + k.unsqueeze(-3))
            scores = (t if scale is None else scale * t).sum(-1)
        elif mode == "dot":
            scores = q @ k.transpose(1, 2)
            if scale is not None:
                scores = scores * scale
        else:
            concat_w = next(wi)
            s = q.unsqueeze(-2) + k.unsqueeze(-3)
            scores = concat_w * torch.tanh(s if scale is None else scale * s).sum(-1)
        mask = None if vm is None else vm.unsqueeze(-2)
        if use_causal_mask:
            c = causal(scores.shape[-2], scores.shape[-1])
            mask = c if mask is None else mask & c
        if mask is not None:
            scores = scores - 1e9 * (~mask).double()
        w = torch.softmax(scores, -1)
        out = w @ v
        if qm is not None:
            out = out * qm.unsqueeze(-1).double()
        return [out, w] if return_scores else out

    masks = None if q_mask is None and v_mask is None else [q_mask, v_mask] + ([None] if len(shapes) > 2 else [])
    out_masks = [q_mask] + ([None] if return_scores else [])
    extra = {"output_masks": masks_json(out_masks),
             "call_args": {"use_causal_mask": use_causal_mask, "return_attention_scores": return_scores}}
    cases.append(grads_case(name, layer(class_name, **config), run, inputs, weights, weight_names, input_masks=masks,
                            extra=extra))


scalar = lambda v: np.array(v, dtype=np.float32).astype(np.float64)  # noqa: E731
qmask = [[1, 1, 0], [1, 1, 1]]
vmask = [[1, 1, 1, 0, 0], [1, 1, 1, 1, 0]]
attention_case("attention_dot_basic", "Attention", {}, [(2, 3, 4), (2, 5, 4)], [], [])
attention_case("attention_dot_scale_key", "Attention", {"use_scale": True}, [(2, 3, 4), (2, 5, 6), (2, 5, 4)],
               [scalar(0.7)], ["scale"])
attention_case("attention_concat", "Attention", {"score_mode": "concat"}, [(2, 3, 4), (2, 5, 4)], [scalar(1.3)],
               ["concat_score_weight"])
attention_case("attention_concat_scale_masks", "Attention", {"use_scale": True, "score_mode": "concat"},
               [(2, 3, 4), (2, 5, 3), (2, 5, 4)], [scalar(0.6), scalar(-0.9)], ["scale", "concat_score_weight"],
               q_mask=qmask, v_mask=vmask)
attention_case("attention_masks", "Attention", {}, [(2, 3, 4), (2, 5, 4)], [], [], q_mask=qmask, v_mask=vmask)
attention_case("attention_causal_scores", "Attention", {"use_scale": True}, [(2, 4, 3), (2, 4, 3)], [scalar(1.4)],
               ["scale"], v_mask=[[1, 1, 1, 0], [1, 1, 1, 1]], use_causal_mask=True, return_scores=True)
attention_case("attention_causal_tq_lt_tv", "Attention", {}, [(2, 3, 4), (2, 5, 4)], [], [], use_causal_mask=True)
attention_case("additive_attention_basic", "AdditiveAttention", {}, [(2, 3, 4), (2, 5, 4)],
               [uniform(r, (4,), -0.5, 0.5)], ["scale"])
attention_case("additive_attention_no_scale", "AdditiveAttention", {"use_scale": False}, [(2, 3, 5), (2, 4, 5)], [],
               [])
attention_case("additive_attention_key_masks_causal_scores", "AdditiveAttention", {},
               [(2, 4, 3), (2, 4, 5), (2, 4, 3)], [uniform(r, (3,), -0.5, 0.5)], ["scale"],
               q_mask=[[1, 1, 1, 0], [1, 0, 0, 0]], v_mask=[[1, 1, 0, 0], [1, 1, 1, 1]], use_causal_mask=True,
               return_scores=True)

# ---------------------------------------------------------------- MultiHeadAttention


def mha_case(name, config, shapes, q_mask=None, v_mask=None, k_mask=None, attention_mask=None,
             use_causal_mask=False, return_scores=False, use_bias=True):
    """Rank-3 inputs: query (B, T, dq), value (B, S, dv), key (B, S, dk). Layouts (Keras 3 EinsumDense):
    query/kernel (dq, H, K), query/bias (H, K); key/kernel (dk, H, K); value/kernel (dv, H, V), value/bias (H, V);
    attention_output/kernel (H, V, O), attention_output/bias (O,)."""
    inputs = [uniform(r, s) for s in shapes]
    h, kd = config["num_heads"], config["key_dim"]
    vd = config.get("value_dim") or kd
    out_dim = config.get("output_shape") or shapes[0][-1]
    out_dim = out_dim[0] if isinstance(out_dim, list) else out_dim
    dq, dv = shapes[0][-1], shapes[1][-1]
    dk = shapes[2][-1] if len(shapes) > 2 else dv
    weights, names = [], []
    for proj, din, dout in (("query", dq, kd), ("key", dk, kd), ("value", dv, vd)):
        weights.append(uniform(r, (din, h, dout), -0.5, 0.5))
        names.append("kernel")
        if use_bias:
            weights.append(uniform(r, (h, dout), -0.5, 0.5))
            names.append("bias")
    weights.append(uniform(r, (h, vd, out_dim), -0.5, 0.5))
    names.append("kernel")
    if use_bias:
        weights.append(uniform(r, (out_dim,), -0.5, 0.5))
        names.append("bias")
    qm, vm, km, am = (bool_tensor(m) for m in (q_mask, v_mask, k_mask, attention_mask))

    def run(xs, ws):
        q, v = xs[0], xs[1]
        k = xs[2] if len(xs) > 2 else v
        wi = iter(ws)

        def proj(x, eq):
            y = torch.einsum(eq, x, next(wi))
            return y + next(wi) if use_bias else y

        qp = proj(q, "btd,dhk->bthk") * (1.0 / math.sqrt(kd))
        kp = proj(k, "bsd,dhk->bshk")
        vp = proj(v, "bsd,dhv->bshv")
        scores = torch.einsum("bshk,bthk->bhts", kp, qp)
        mask = None
        for m in (None if qm is None else qm.unsqueeze(-1), None if vm is None else vm.unsqueeze(-2),
                  None if km is None else km.unsqueeze(-2),
                  causal(q.shape[1], v.shape[1]) if use_causal_mask else None):
            if m is not None:
                mask = m if mask is None else mask & m
        if am is not None:
            mask = am if mask is None else am & mask
        if mask is not None:
            mask = mask.unsqueeze(1)
            scores = torch.where(mask, scores, torch.tensor(-1e9, dtype=scores.dtype))
        w = torch.softmax(scores, -1)
        if mask is not None:
            w = torch.where(mask, w, torch.zeros_like(w))
        out = proj(torch.einsum("bhts,bshv->bthv", w, vp), "bthv,hvo->bto")
        return [out, w] if return_scores else out

    masks = None
    if any(m is not None for m in (q_mask, v_mask, k_mask)):
        masks = [q_mask, v_mask] + ([k_mask] if len(shapes) > 2 else [])
    extra = {"output_masks": masks_json([q_mask] + ([None] if return_scores else [])),
             "call_args": {"use_causal_mask": use_causal_mask, "return_attention_scores": return_scores}}
    if attention_mask is not None:
        extra["attention_mask"] = tensor_json(np.asarray(attention_mask, dtype=bool))
    cases.append(grads_case(name, layer("MultiHeadAttention", **config), run, inputs, weights, names,
                            input_masks=masks, extra=extra))


mha_case("mha_self_basic", {"num_heads": 2, "key_dim": 3}, [(2, 5, 6), (2, 5, 6)])
mha_case("mha_cross_key_value_dims", {"num_heads": 3, "key_dim": 2, "value_dim": 4}, [(2, 4, 6), (2, 3, 5), (2, 3, 7)])
mha_case("mha_no_bias_output_shape", {"num_heads": 2, "key_dim": 4, "value_dim": 3, "use_bias": False,
                                      "output_shape": [5]}, [(2, 3, 4), (2, 4, 4)], use_bias=False)
mha_case("mha_masks_query_value_key", {"num_heads": 2, "key_dim": 3}, [(2, 4, 5), (2, 5, 5), (2, 5, 3)],
         q_mask=[[1, 1, 1, 0], [1, 1, 0, 0]], v_mask=[[1, 1, 1, 1, 0], [1, 1, 1, 0, 0]],
         k_mask=[[1, 1, 0, 1, 1], [1, 1, 1, 1, 1]])
mha_case("mha_causal_value_mask_scores", {"num_heads": 2, "key_dim": 2}, [(2, 4, 3), (2, 4, 3)],
         v_mask=[[1, 1, 1, 0], [1, 1, 1, 1]], use_causal_mask=True, return_scores=True)
mha_case("mha_causal_t_lt_s", {"num_heads": 1, "key_dim": 3}, [(2, 3, 4), (2, 5, 4)], use_causal_mask=True)
mha_case("mha_attention_mask_and_query_mask", {"num_heads": 3, "key_dim": 2}, [(2, 3, 4), (2, 4, 4)],
         q_mask=[[1, 1, 0], [1, 1, 1]],
         attention_mask=[[[1, 0, 1, 1], [0, 1, 1, 0], [1, 1, 1, 1]], [[1, 1, 0, 0], [0, 0, 0, 1], [1, 0, 1, 0]]],
         return_scores=True)
mha_case("mha_odd_sizes_single_step", {"num_heads": 3, "key_dim": 5}, [(3, 1, 7), (3, 1, 7)])


def mha_rank4_case(name, axes, shapes):
    """Rank-4 inputs (B, X, Y, d), written out per Keras' _build_attention_equation: axes (1, 2) gives scores
    (B, H, X, Y, X', Y') with one softmax over (X', Y'); axes (2,) keeps X as a batch axis: scores (B, X, H, Y, Y')."""
    inputs = [uniform(r, s) for s in shapes]
    h, kd = 2, 3
    d = shapes[0][-1]
    weights = [uniform(r, s, -0.5, 0.5) for s in [(d, h, kd), (h, kd), (d, h, kd), (h, kd), (d, h, kd), (h, kd),
                                                  (h, kd, d), (d,)]]
    names = ["kernel", "bias"] * 4

    def run(xs, ws):
        q, v = xs
        qp = (torch.einsum("bxyd,dhk->bxyhk", q, ws[0]) + ws[1]) * (1.0 / math.sqrt(kd))
        kp = torch.einsum("bxyd,dhk->bxyhk", v, ws[2]) + ws[3]
        vp = torch.einsum("bxyd,dhk->bxyhk", v, ws[4]) + ws[5]
        if axes == [1, 2]:
            scores = torch.einsum("bpqhk,bxyhk->bhxypq", kp, qp)
            shape = scores.shape
            w = torch.softmax(scores.reshape(*shape[:4], -1), -1).reshape(shape)
            out = torch.einsum("bhxypq,bpqhk->bxyhk", w, vp)
        else:
            scores = torch.einsum("bxqhk,bxyhk->bxhyq", kp, qp)
            w = torch.softmax(scores, -1)
            out = torch.einsum("bxhyq,bxqhk->bxyhk", w, vp)
        return torch.einsum("bxyhk,hko->bxyo", out, ws[6]) + ws[7]

    cases.append(grads_case(name, layer("MultiHeadAttention", num_heads=h, key_dim=kd, attention_axes=axes), run,
                            inputs, weights, names, extra={"call_args": {}}))


mha_rank4_case("mha_rank4_axes_1_2", [1, 2], [(2, 2, 3, 4), (2, 3, 2, 4)])
mha_rank4_case("mha_rank4_axis_2", [2], [(2, 2, 3, 4), (2, 2, 4, 4)])

write_fixture(os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch.json"), cases)
