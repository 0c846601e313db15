"""Golden fixtures for the normalization layers tfjs lacks or cannot differentiate.

Run: /usr/bin/python3 Tests/Golden/Normalization/generate.py (python3-torch, float64).

A numpy/torch reference written from Keras 3's formulas (keras/src/layers/normalization/*.py and
keras/src/ops/nn.py), not Keras itself:
- BatchNormalization: training normalizes with the batch mean and biased variance over every axis but `axis`;
  moving = moving * momentum + batch * (1 - momentum); a layer with trainable=False runs in inference mode even
  with training=True; with a mask (one dimension less than the input, expanded on the last axis) the moments are
  sum(w * x) / (sum(w) + 1e-7) and sum(w * (w * x - mean)^2) / (sum(w) + 1e-7), as BatchNormalization._moments.
- LayerNormalization: (x - mean) * rsqrt(var + eps) * gamma + beta over `axis`; rms_scaling (deprecated) is
  x * rsqrt(var + eps) * gamma, with Keras' variance (not the mean square) and no beta.
- GroupNormalization: Keras' reshape of the channel axis into (groups, channels // groups) and moments over every
  axis but the batch and group axes; gamma/beta per channel.
- UnitNormalization: x * rsqrt(max(sum(x^2), 1e-12)).
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from goldenlib import grads_case, rng, tensor_json, uniform, write_fixture  # noqa: E402

random = rng(21)
cases = []


def bcast(v, axis, ndim):
    shape = [1] * ndim
    shape[axis] = -1
    return v.reshape(shape)


def bn_case(name, shape, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True, training=False,
            trainable=True, mask=None):
    ndim = len(shape)
    ax = axis % ndim
    channels = shape[ax]
    x = uniform(random, shape, -2.0, 3.0)
    weights, names = [], []
    if scale:
        weights.append(uniform(random, (channels,), 0.5, 1.5)); names.append("gamma")
    if center:
        weights.append(uniform(random, (channels,), -0.5, 0.5)); names.append("beta")
    weights.append(uniform(random, (channels,), -0.5, 0.5)); names.append("moving_mean")
    weights.append(uniform(random, (channels,), 0.5, 1.5)); names.append("moving_variance")
    red = [a for a in range(ndim) if a != ax]
    use_batch = training and trainable
    after = {}

    def moments(xt):
        if mask is None:
            mean = xt.mean(dim=red)
            var = ((xt - bcast(mean, ax, ndim)) ** 2).mean(dim=red)
            return mean, var
        w = torch.tensor(np.asarray(mask, dtype=np.float64)).unsqueeze(-1)
        weighted = w * xt
        wsum = w.sum(dim=red, keepdim=True) + 1e-7
        mean = weighted.sum(dim=red, keepdim=True) / wsum
        var = (w * (weighted - mean) ** 2).sum(dim=red, keepdim=True) / wsum
        return mean.reshape(-1), var.reshape(-1)

    def fn(xs, ws):
        xt = xs[0]
        i = 0
        gamma = beta = None
        if scale:
            gamma = ws[i]; i += 1
        if center:
            beta = ws[i]; i += 1
        mm, mv = ws[i], ws[i + 1]
        if use_batch:
            mean, var = moments(xt)
            after["mm"] = (mm * momentum + mean * (1 - momentum)).detach().numpy()
            after["mv"] = (mv * momentum + var * (1 - momentum)).detach().numpy()
        else:
            mean, var = mm, mv
        y = (xt - bcast(mean, ax, ndim)) * bcast(torch.rsqrt(var + epsilon), ax, ndim)
        if gamma is not None:
            y = y * bcast(gamma, ax, ndim)
        if beta is not None:
            y = y + bcast(beta, ax, ndim)
        return y

    config = {"name": "batch_normalization", "trainable": trainable, "axis": axis, "momentum": momentum,
              "epsilon": epsilon, "center": center, "scale": scale}
    c = grads_case(name, {"class_name": "BatchNormalization", "config": config}, fn, [x], weights, names,
                   training=training, input_masks=None if mask is None else [mask])
    # Only gamma and beta of a trainable layer have gradients; moving statistics are non-trainable.
    c["weight_gradients"] = [g if trainable and n in ("gamma", "beta") else None
                             for g, n in zip(c["weight_gradients"], names)]
    if use_batch:
        c["weights_after"] = [None] * (len(names) - 2) + [tensor_json(after["mm"]), tensor_json(after["mv"])]
    else:
        c["weights_after"] = [None] * (len(names) - 2) + [tensor_json(weights[-2]), tensor_json(weights[-1])]
    if mask is not None:
        c["output_masks"] = [tensor_json(np.asarray(mask, dtype=np.float32))]
    cases.append(c)


bn_case("bn_inference_channels_first_4d_grads", (2, 3, 4, 5), axis=1)
bn_case("bn_training_channels_first_4d_grads", (2, 3, 4, 5), axis=1, momentum=0.9, epsilon=1e-5, training=True)
bn_case("bn_training_axis_last_4d_grads", (2, 3, 2, 4), training=True)
bn_case("bn_training_middle_axis_3d_grads", (3, 4, 2), axis=-2, epsilon=0.01, training=True)
bn_case("bn_training_no_center_no_scale", (2, 3, 3, 4), center=False, scale=False, training=True)
bn_case("bn_inference_no_center_no_scale_grads", (2, 3, 3, 4), center=False, scale=False)
bn_case("bn_training_no_center", (5, 3), center=False, training=True)
bn_case("bn_training_no_scale_channels_first", (2, 4, 3), axis=1, scale=False, training=True)
bn_case("bn_frozen_training_is_inference", (4, 2, 3), training=True, trainable=False)
bn_case("bn_training_masked_3d", (3, 4, 2), training=True, momentum=0.8,
        mask=[[1, 1, 0, 0], [1, 1, 1, 1], [1, 0, 0, 0]])
bn_case("bn_inference_masked_3d", (2, 3, 2), mask=[[1, 1, 0], [1, 0, 0]])


def ln_case(name, shape, axis=-1, epsilon=1e-3, center=True, scale=True, rms_scaling=False):
    ndim = len(shape)
    axes = axis if isinstance(axis, list) else [axis]
    param_shape = tuple(shape[a] for a in axes)
    x = uniform(random, shape, -2.0, 2.0)
    weights, names = [], []
    if scale or rms_scaling:
        weights.append(uniform(random, param_shape, 0.5, 1.5)); names.append("gamma")
    if center and not rms_scaling:
        weights.append(uniform(random, param_shape, -0.5, 0.5)); names.append("beta")
    red = sorted(a % ndim for a in axes)
    bshape = [1] * ndim
    for a in red:
        bshape[a] = shape[a]

    def fn(xs, ws):
        xt = xs[0]
        i = 0
        gamma = beta = None
        if scale or rms_scaling:
            gamma = ws[i].reshape(bshape); i += 1
        if center and not rms_scaling:
            beta = ws[i].reshape(bshape)
        mean = xt.mean(dim=red, keepdim=True)
        var = ((xt - mean) ** 2).mean(dim=red, keepdim=True)
        if rms_scaling:
            y = xt * torch.rsqrt(var + epsilon)
            return y * gamma
        y = (xt - mean) * torch.rsqrt(var + epsilon)
        if gamma is not None:
            y = y * gamma
        if beta is not None:
            y = y + beta
        return y

    config = {"name": "layer_normalization", "axis": axis, "epsilon": epsilon, "center": center, "scale": scale,
              "rms_scaling": rms_scaling}
    cases.append(grads_case(name, {"class_name": "LayerNormalization", "config": config}, fn, [x], weights, names))


ln_case("ln_rms_scaling", (3, 5), rms_scaling=True)
ln_case("ln_rms_scaling_axes_list", (2, 3, 4), axis=[1, 2], rms_scaling=True, epsilon=1e-6)
ln_case("ln_non_contiguous_axes", (2, 3, 2, 4), axis=[1, 3])
ln_case("ln_first_feature_axis_4d", (2, 3, 2, 2), axis=1, epsilon=0.1)
ln_case("ln_no_center_grads", (2, 5), center=False)
ln_case("ln_no_scale_grads", (3, 4), axis=[-1], scale=False)
ln_case("ln_no_center_no_scale", (2, 3, 4), axis=[-2, -1], center=False, scale=False)


def gn_case(name, shape, groups, axis=-1, epsilon=1e-3, center=True, scale=True):
    ndim = len(shape)
    ax = axis % ndim
    channels = shape[ax]
    g = channels if groups == -1 else groups
    x = uniform(random, shape, -2.0, 2.0)
    weights, names = [], []
    if scale:
        weights.append(uniform(random, (channels,), 0.5, 1.5)); names.append("gamma")
    if center:
        weights.append(uniform(random, (channels,), -0.5, 0.5)); names.append("beta")

    def fn(xs, ws):
        xt = xs[0]
        # Keras' _reshape_into_groups: the channel axis becomes (groups, channels // groups).
        group_shape = list(shape)
        group_shape[0] = -1
        group_shape[ax] = channels // g
        group_shape.insert(ax, g)
        r = xt.reshape(group_shape)
        red = [a for a in range(1, r.dim()) if a != ax]
        mean = r.mean(dim=red, keepdim=True)
        var = ((r - mean) ** 2).mean(dim=red, keepdim=True)
        bshape = [1] * ndim
        bshape[ax] = channels // g
        bshape.insert(ax, g)
        inv = torch.rsqrt(var + epsilon)
        i = 0
        if scale:
            inv = inv * ws[i].reshape(bshape); i += 1
        res = -mean * inv
        if center:
            res = res + ws[i].reshape(bshape)
        return (r * inv + res).reshape(xt.shape)

    config = {"name": "group_normalization", "groups": groups, "axis": axis, "epsilon": epsilon, "center": center,
              "scale": scale}
    cases.append(grads_case(name, {"class_name": "GroupNormalization", "config": config}, fn, [x], weights, names))


gn_case("gn_channels_last_4d", (2, 3, 2, 4), groups=2)
gn_case("gn_channels_first_4d", (2, 6, 2, 3), groups=3, axis=1)
gn_case("gn_instance_groups_minus_one_3d", (2, 4, 3), groups=-1, epsilon=1e-5)
gn_case("gn_single_group_2d", (3, 6), groups=1)
gn_case("gn_no_center_no_scale", (2, 3, 4), groups=2, center=False, scale=False)
gn_case("gn_middle_axis_4d", (2, 3, 4, 2), groups=2, axis=2)


def unit_case(name, x, axis=-1):
    axes = axis if isinstance(axis, list) else [axis]
    red = [a % x.ndim for a in axes]

    def fn(xs, ws):
        xt = xs[0]
        s = (xt ** 2).sum(dim=red, keepdim=True)
        return xt * torch.rsqrt(torch.maximum(s, torch.tensor(1e-12)))

    config = {"name": "unit_normalization", "axis": axis}
    cases.append(grads_case(name, {"class_name": "UnitNormalization", "config": config}, fn, [x], [], []))


unit_case("unit_last_axis_2d", uniform(random, (3, 4), -2.0, 2.0))
unit_case("unit_axes_list_4d", uniform(random, (2, 3, 2, 2), -2.0, 2.0), axis=[1, 2])
unit_case("unit_first_feature_axis_3d", uniform(random, (2, 3, 4), -2.0, 2.0), axis=1)
zero_row = uniform(random, (3, 3), -2.0, 2.0)
zero_row[1] = 0.0
unit_case("unit_zero_row_stays_zero", zero_row)

write_fixture(os.path.join(os.path.dirname(os.path.abspath(__file__)), "normalization_torch.json"), cases)
