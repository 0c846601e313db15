"""Golden fixtures for pooling and reshaping cases tfjs cannot produce (see generate.mjs for the rest).

Run: /usr/bin/python3 Tests/Golden/PoolingReshaping/generate.py

Float64 PyTorch reference written from Keras 3 / TensorFlow semantics, not from libtorch's pooling kernels:
* pooling: every output cell is computed from its window clipped to the input (TF "same": out = ceil(n / s),
  total = max((out - 1) * s + k - n, 0), pad_before = total // 2, the extra cell at the end); max takes the max of
  the real cells, average the mean of the real cells (the padding is never counted, whatever the asymmetry);
* global pooling: mean / max over the spatial axes; GlobalAveragePooling1D with a mask: sum of unmasked steps divided
  by their count (keras/src/layers/pooling/global_average_pooling1d.py); GlobalMaxPooling1D ignores the mask and its
  output carries none (Keras 3: no supports_masking);
* Cropping/ZeroPadding/UpSampling: slicing, zero padding and np.repeat-style repetition per axis;
* UpSampling2D(interpolation="bilinear"): Keras 3 ops.image.resize = TF resize bilinear with half-pixel centers,
  no antialias: src = (dst + 0.5) / factor - 0.5, lower = max(floor(src), 0), upper = min(ceil(src), n - 1),
  value = lower + (upper - lower) * (src - floor(src)) per axis. tfjs (Keras 2) uses the legacy TF1 alignment,
  so these cases do not come from tfjs.
"""
import itertools
import math
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from goldenlib import grads_case, rng, uniform, write_fixture  # noqa: E402

random = rng(5)
cases = []


def base(name):
    return {"name": name, "trainable": True, "dtype": "float32"}


def to_last(x, data_format):
    """channels_first → channels_last (the reference computes channels_last)."""
    if data_format == "channels_last":
        return x
    return x.permute(0, *range(2, x.dim()), 1)


def to_format(y, data_format):
    if data_format == "channels_last":
        return y
    return y.permute(0, y.dim() - 1, *range(1, y.dim() - 1))


def tf_windows(n, k, s, padding):
    """The [start, end) input range of each output position along one axis, clipped to the input."""
    if padding == "valid":
        out = (n - k) // s + 1
        before = 0
    else:
        out = math.ceil(n / s)
        total = max((out - 1) * s + k - n, 0)
        before = total // 2
    return [(max(o * s - before, 0), min(o * s - before + k, n)) for o in range(out)]


def pool_reference(mode, pool, strides, padding, data_format):
    def fn(xs, _):
        x = to_last(xs[0], data_format)
        spatial = x.shape[1:-1]
        axes = [tf_windows(n, k, s, padding) for n, k, s in zip(spatial, pool, strides)]
        cells = []
        for window in itertools.product(*axes):
            index = (slice(None),) + tuple(slice(a, b) for a, b in window) + (slice(None),)
            block = x[index].reshape(x.shape[0], -1, x.shape[-1])
            cells.append(block.amax(1) if mode == "max" else block.mean(1))
        out_shape = (x.shape[0],) + tuple(len(a) for a in axes) + (x.shape[-1],)
        y = torch.stack(cells, 1).reshape(out_shape)
        return to_format(y, data_format)
    return fn


def pooling(name, cls, n, shape, pool, strides=None, padding="valid", data_format="channels_last", config=None):
    pool_t = pool if isinstance(pool, list) else [pool] * n
    strides_t = pool_t if strides is None else (strides if isinstance(strides, list) else [strides] * n)
    mode = "max" if cls.startswith("Max") else "average"
    layer_name = ("max_pooling" if mode == "max" else "average_pooling") + f"{n}d"
    cfg = config or {**base(layer_name), "pool_size": pool_t, "padding": padding, "strides": strides_t,
                     "data_format": data_format}
    x = uniform(random, shape)
    cases.append(grads_case(name, {"class_name": cls, "config": cfg},
                            pool_reference(mode, pool_t, strides_t, padding, data_format), [x], [], []))


pooling("max_pooling1d_same_channels_first", "MaxPooling1D", 1, [2, 3, 8], 3, 2, "same", "channels_first")
pooling("average_pooling1d_same_channels_first", "AveragePooling1D", 1, [2, 2, 5], 2, 1, "same", "channels_first")
pooling("average_pooling2d_same_pool2_stride2_odd", "AveragePooling2D", 2, [1, 5, 5, 2], 2, 2, "same")
pooling("average_pooling2d_same_pool4_stride3_asymmetric", "AveragePooling2D", 2, [1, 7, 6, 2], 4, 3, "same")
pooling("max_pooling3d_same_channels_first", "MaxPooling3D", 3, [1, 2, 5, 3, 4], [3, 2, 2], [2, 1, 2], "same",
        "channels_first")
pooling("average_pooling3d_valid_pool2x2x3_stride1x2x1", "AveragePooling3D", 3, [1, 3, 5, 4, 2], [2, 2, 3],
        [1, 2, 1])
# The tfjs cases whose gradients tfjs gets wrong (see generate.mjs), with gradients from this reference.
pooling("average_pooling1d_same_even_pool4_stride1", "AveragePooling1D", 1, [2, 6, 2], 4, 1, "same")
pooling("average_pooling1d_same_pool2_stride2_odd", "AveragePooling1D", 1, [1, 7, 2], 2, 2, "same")
pooling("average_pooling2d_same_pool2_stride1", "AveragePooling2D", 2, [2, 4, 4, 2], 2, 1, "same")
pooling("average_pooling2d_same_even_pool4_stride1", "AveragePooling2D", 2, [1, 5, 5, 2], 4, 1, "same")
pooling("average_pooling2d_same_pool3_stride2_channels_first", "AveragePooling2D", 2, [2, 2, 6, 5], 3, 2, "same",
        "channels_first")
pooling("max_pooling3d_same_pool2x3x2_stride2x2x1", "MaxPooling3D", 3, [1, 5, 4, 3, 2], [2, 3, 2], [2, 2, 1], "same")
pooling("average_pooling3d_same_pool2_stride1", "AveragePooling3D", 3, [1, 3, 4, 3, 2], 2, 1, "same")
pooling("average_pooling3d_same_pool3_stride2_channels_first", "AveragePooling3D", 3, [1, 2, 5, 5, 4], 3, 2, "same",
        "channels_first")
# Constructor-style configs (an int pool size, null strides, no data_format), as hand-written or Keras 2 files have.
pooling("max_pooling2d_int_config", "MaxPooling2D", 2, [1, 6, 6, 2], 3, None, "same",
        config={"name": "mp", "pool_size": 3, "strides": None, "padding": "same"})
pooling("average_pooling1d_alias_int_config", "AvgPool1D", 1, [2, 6, 2], 2, 1, "valid",
        config={"name": "ap", "pool_size": 2, "strides": 1})

# Sanity check of the claim in the header: libtorch's count_include_pad=False only discounts its own symmetric
# padding; TF's asymmetric "same" padding must be added beforehand, and those zeros then count as real cells.
x = torch.tensor(uniform(rng(1), [1, 2, 7, 6]))
tf_like = pool_reference("average", [4, 4], [3, 3], "same", "channels_first")([x], None)
torch_like = torch.nn.functional.avg_pool2d(torch.nn.functional.pad(x, (0, 1, 1, 2)), 4, 3, count_include_pad=False)
assert tf_like.shape == torch_like.shape and not torch.allclose(tf_like, torch_like)


def global_pooling(name, cls, shape, data_format="channels_last", keepdims=False, mask=None):
    n = len(shape) - 2
    axes = list(range(1, n + 1)) if data_format == "channels_last" else list(range(2, n + 2))
    layer_name = ("global_max_pooling" if "Max" in cls else "global_average_pooling") + f"{n}d"

    def fn(xs, _):
        x = xs[0]
        if mask is not None and "Average" in cls:
            m = torch.tensor(mask, dtype=torch.float64)
            m = m[:, :, None] if data_format == "channels_last" else m[:, None, :]
            return (x * m).sum(axes[0], keepdim=keepdims) / m.sum(axes[0], keepdim=keepdims)
        return x.amax(axes, keepdim=keepdims) if "Max" in cls else x.mean(axes, keepdim=keepdims)

    config = {**base(layer_name), "data_format": data_format, "keepdims": keepdims}
    extra = {"output_masks": [None]} if mask is not None else None
    cases.append(grads_case(name, {"class_name": cls, "config": config}, fn, [uniform(random, shape)], [], [],
                            input_masks=None if mask is None else [np.array(mask)], extra=extra))


global_pooling("global_max_pooling3d", "GlobalMaxPooling3D", [2, 2, 3, 2, 3])
global_pooling("global_average_pooling3d_channels_first_keepdims", "GlobalAveragePooling3D", [2, 3, 2, 2, 3],
               "channels_first", True)
global_pooling("global_max_pooling3d_keepdims", "GlobalMaxPooling3D", [1, 2, 2, 2, 3], keepdims=True)
global_pooling("global_average_pooling3d", "GlobalAveragePooling3D", [2, 2, 3, 2, 3])
global_pooling("global_average_pooling2d_keepdims", "GlobalAveragePooling2D", [2, 3, 2, 4], keepdims=True)
global_pooling("global_max_pooling1d_channels_first_keepdims", "GlobalMaxPooling1D", [2, 3, 4], "channels_first",
               True)
global_pooling("global_average_pooling1d_masked", "GlobalAveragePooling1D", [3, 5, 2],
               mask=[[1, 1, 1, 0, 0], [1, 0, 1, 0, 1], [0, 0, 0, 0, 1]])
global_pooling("global_average_pooling1d_masked_channels_first_keepdims", "GlobalAveragePooling1D", [2, 3, 4],
               "channels_first", True, mask=[[1, 1, 0, 0], [0, 1, 1, 1]])
global_pooling("global_max_pooling1d_ignores_mask", "GlobalMaxPooling1D", [2, 4, 3],
               mask=[[1, 0, 0, 0], [0, 0, 1, 1]])


def reshaping(name, cls, config, shape, fn):
    cases.append(grads_case(name, {"class_name": cls, "config": config}, lambda xs, _: fn(xs[0]),
                            [uniform(random, shape)], [], []))


def crop(x, pairs, first):
    index = [slice(None)] * x.dim()
    for i, (a, b) in enumerate(pairs):
        index[first + i] = slice(a, x.shape[first + i] - b)
    return x[tuple(index)]


def zero_pad(x, pairs, first):
    for i, (a, b) in enumerate(pairs):
        axis = first + i
        before = torch.zeros(*x.shape[:axis], a, *x.shape[axis + 1:])
        after = torch.zeros(*x.shape[:axis], b, *x.shape[axis + 1:])
        x = torch.cat([before, x, after], axis)
    return x


def repeat(x, sizes, first):
    for i, s in enumerate(sizes):
        x = torch.repeat_interleave(x, s, dim=first + i)
    return x


reshaping("cropping1d_asymmetric", "Cropping1D", {**base("cropping1d"), "cropping": [1, 2]}, [2, 6, 3],
          lambda x: crop(x, [(1, 2)], 1))
reshaping("cropping1d_int_config", "Cropping1D", {"name": "c1", "cropping": 2}, [1, 5, 2],
          lambda x: crop(x, [(2, 2)], 1))
reshaping("cropping3d_channels_last", "Cropping3D",
          {**base("cropping3d"), "cropping": [[1, 0], [0, 2], [1, 1]], "data_format": "channels_last"},
          [1, 3, 4, 4, 2], lambda x: crop(x, [(1, 0), (0, 2), (1, 1)], 1))
reshaping("cropping3d_channels_first", "Cropping3D",
          {**base("cropping3d"), "cropping": [[0, 1], [1, 1], [2, 0]], "data_format": "channels_first"},
          [1, 2, 3, 4, 4], lambda x: crop(x, [(0, 1), (1, 1), (2, 0)], 2))
reshaping("cropping3d_symmetric_per_axis_config", "Cropping3D", {"name": "c3", "cropping": [1, 0, 1]},
          [1, 3, 2, 4, 1], lambda x: crop(x, [(1, 1), (0, 0), (1, 1)], 1))
reshaping("zero_padding1d_asymmetric", "ZeroPadding1D", {**base("zero_padding1d"), "padding": [2, 1]}, [2, 3, 2],
          lambda x: zero_pad(x, [(2, 1)], 1))
reshaping("zero_padding3d_channels_last", "ZeroPadding3D",
          {**base("zero_padding3d"), "padding": [[1, 0], [0, 2], [1, 1]], "data_format": "channels_last"},
          [1, 2, 2, 2, 2], lambda x: zero_pad(x, [(1, 0), (0, 2), (1, 1)], 1))
reshaping("zero_padding3d_channels_first_int_config", "ZeroPadding3D",
          {"name": "zp", "padding": 1, "data_format": "channels_first"}, [1, 2, 2, 1, 2],
          lambda x: zero_pad(x, [(1, 1)] * 3, 2))
reshaping("zero_padding2d_symmetric_per_axis_config", "ZeroPadding2D", {"name": "zp2", "padding": [2, 0]},
          [1, 2, 3, 1], lambda x: zero_pad(x, [(2, 2), (0, 0)], 1))
reshaping("up_sampling1d_size3", "UpSampling1D", {**base("up_sampling1d"), "size": 3}, [2, 3, 2],
          lambda x: repeat(x, [3], 1))
reshaping("up_sampling2d_nearest_2x3", "UpSampling2D",
          {**base("up_sampling2d"), "size": [2, 3], "data_format": "channels_last", "interpolation": "nearest"},
          [2, 2, 3, 2], lambda x: repeat(x, [2, 3], 1))
reshaping("up_sampling3d_channels_last", "UpSampling3D",
          {**base("up_sampling3d"), "size": [2, 1, 3], "data_format": "channels_last"}, [1, 2, 2, 2, 2],
          lambda x: repeat(x, [2, 1, 3], 1))
reshaping("up_sampling3d_channels_first", "UpSampling3D",
          {**base("up_sampling3d"), "size": [2, 2, 2], "data_format": "channels_first"}, [1, 2, 2, 1, 2],
          lambda x: repeat(x, [2, 2, 2], 2))


def bilinear_axis(x, axis, factor):
    """TF half-pixel bilinear resize of one axis by an integer factor (no antialias)."""
    n = x.shape[axis]
    lower, upper, lerp = [], [], []
    for dst in range(n * factor):
        src = (dst + 0.5) / factor - 0.5
        lower.append(max(math.floor(src), 0))
        upper.append(min(math.ceil(src), n - 1))
        lerp.append(src - math.floor(src))
    a = x.index_select(axis, torch.tensor(lower))
    b = x.index_select(axis, torch.tensor(upper))
    shape = [1] * x.dim()
    shape[axis] = -1
    w = torch.tensor(lerp).reshape(shape)
    return a + (b - a) * w


def bilinear(x, size, data_format):
    first = 1 if data_format == "channels_last" else 2
    return bilinear_axis(bilinear_axis(x, first, size[0]), first + 1, size[1])


reshaping("up_sampling2d_bilinear_2x3", "UpSampling2D",
          {**base("up_sampling2d"), "size": [2, 3], "data_format": "channels_last", "interpolation": "bilinear"},
          [2, 3, 2, 2], lambda x: bilinear(x, [2, 3], "channels_last"))
reshaping("up_sampling2d_bilinear_channels_first", "UpSampling2D",
          {**base("up_sampling2d"), "size": [2, 2], "data_format": "channels_first", "interpolation": "bilinear"},
          [1, 2, 3, 4], lambda x: bilinear(x, [2, 2], "channels_first"))

write_fixture(os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch.json"), cases)
