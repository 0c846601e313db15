"""Golden fixtures for the activation-layer cases tfjs (Keras 2) cannot produce: ReLU's Keras 3 negative_slope and
threshold, ELU with alpha != 1, Softmax on a non-last axis, over several axes and with masks.

The references are float64 PyTorch written from Keras 3's source (keras/src/activations/activations.py ReLU.static_call,
keras/src/layers/activations/softmax.py), not from Keras.Net. Softmax masks follow Keras 3: (1 - mask) * -1e9 is added
to the logits in float32 (so a fully masked row rounds to a uniform distribution, as in Keras), then the softmax runs.

Regenerate: /usr/bin/python3 Tests/Golden/ActivationLayers/generate.py
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from goldenlib import grads_case, rng, tensor_json, uniform, write_fixture  # noqa: E402

F = torch.nn.functional


def keras_relu(x, negative_slope=0.0, max_value=None, threshold=0.0):
    """keras.activations.relu (Keras 3 ReLU.static_call), step for step."""
    negative_part = None
    if negative_slope != 0.0:
        if max_value is None and threshold == 0:
            return F.leaky_relu(x, negative_slope)
        negative_part = F.relu(-x + threshold) if threshold != 0 else F.relu(-x)
    clip_max = max_value is not None
    if threshold != 0:
        x = x * (x > threshold).to(x.dtype)
    elif max_value == 6:
        x = F.relu6(x)
        clip_max = False
    else:
        x = F.relu(x)
    if clip_max:
        x = torch.clamp(x, 0.0, max_value)
    if negative_part is not None:
        x = x - negative_slope * negative_part
    return x


def keras_softmax(x, axis, mask=None):
    if mask is not None:
        adder = (1.0 - torch.tensor(mask, dtype=torch.float32)) * -1e9
        x = (x.float() + adder).double()
    if isinstance(axis, list):
        return torch.exp(x - torch.logsumexp(x, dim=axis, keepdim=True))
    return torch.softmax(x, dim=axis)


def layer(class_name, **config):
    return {"class_name": class_name, "config": {"name": class_name.lower(), **config}}


r = rng(5)
cases = []


def relu_case(name, shape, lo, hi, **kw):
    cases.append(grads_case(name, layer("ReLU", **kw), lambda xs, ws: keras_relu(xs[0], **kw),
                            [uniform(r, shape, lo, hi)], [], []))


relu_case("relu_slope_threshold_max", [3, 6], -2, 3, max_value=1.5, negative_slope=0.2, threshold=0.5)
relu_case("relu_slope_only", [2, 7], -2, 2, negative_slope=0.1)
relu_case("relu_threshold_only", [3, 5], -1, 2, threshold=0.4)
relu_case("relu_slope_max6", [4, 5], -9, 9, max_value=6.0, negative_slope=0.25)
relu_case("relu_slope_max_no_threshold", [2, 3, 4], -3, 3, max_value=2.0, negative_slope=0.5)

cases.append(grads_case("elu_alpha_half", layer("ELU", alpha=0.5), lambda xs, ws: F.elu(xs[0], 0.5),
                        [uniform(r, [3, 6], -3, 2)], [], []))

cases.append(grads_case("softmax_axis1_rank3", layer("Softmax", axis=1),
                        lambda xs, ws: keras_softmax(xs[0], 1), [uniform(r, [2, 4, 3], -3, 3)], [], []))
cases.append(grads_case("softmax_two_axes", layer("Softmax", axis=[1, 2]),
                        lambda xs, ws: keras_softmax(xs[0], [1, 2]), [uniform(r, [2, 3, 4], -3, 3)], [], []))

# A (batch, 5) mask on (batch, 5) logits; the last row is fully masked.
mask2 = np.array([[1, 1, 0, 1, 0], [0, 1, 1, 1, 1], [0, 0, 0, 0, 0]], dtype=bool)
cases.append(grads_case("softmax_masked", layer("Softmax", axis=-1),
                        lambda xs, ws: keras_softmax(xs[0], -1, mask2), [uniform(r, [3, 5], -3, 3)], [], [],
                        input_masks=[mask2], extra={"output_masks": [tensor_json(mask2.astype(np.float32))]}))
# A key mask (batch, 1, keys) broadcast over the queries of (batch, queries, keys) attention scores.
mask3 = np.array([[[1, 1, 1, 0]], [[1, 0, 1, 1]]], dtype=bool)
cases.append(grads_case("softmax_masked_broadcast", layer("Softmax", axis=-1),
                        lambda xs, ws: keras_softmax(xs[0], -1, mask3), [uniform(r, [2, 3, 4], -3, 3)], [], [],
                        input_masks=[mask3], extra={"output_masks": [tensor_json(mask3.astype(np.float32))]}))

write_fixture(os.path.join(os.path.dirname(os.path.abspath(__file__)), "activation_layers_keras3.json"), cases)
