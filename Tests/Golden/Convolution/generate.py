"""Golden fixtures for what tfjs lacks or gets wrong: Conv1D "causal" padding, groups, Conv1DTranspose,
output_padding, dilated transposed convolutions, DepthwiseConv1D, SeparableConv1D, DepthwiseConv2D with dilation,
and the gradients tfjs cannot compute (dilated convolutions, Conv3DTranspose).

Float64 PyTorch reference written from Keras' definitions, not from Keras.Net's code path:
- layouts: Keras conv kernel (k..., in/groups, out) -> torch (out, in/groups, k...) by permute; data formats by movedim;
- "same" padding is TensorFlow's, padded explicitly: out = ceil(in / stride),
  total = max((out - 1) * stride + (k - 1) * dilation + 1 - in, 0), before = total // 2 (odd pixel at the end);
  "causal" pads dilation * (k - 1) before;
- groups: each group convolved on its own slice of channels (a loop), results concatenated;
- depthwise: output channel c * depth_multiplier + m = input channel c convolved with kernel[..., c, m] (a loop);
- separable: that depthwise step, then the pointwise kernel applied by einsum over channels, then the bias;
- transposed convolution: TensorFlow's definition, the adjoint (vector-Jacobian product) of the forward convolution
  from the output to the input, whose output length is Keras' _get_output_shape_given_tf_padding
  (keras/src/backend/common/backend_utils.py) and whose "same" padding is computed on that output length.

Run with Debian's interpreter: /usr/bin/python3 Tests/Golden/Convolution/generate.py
"""
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from goldenlib import grads_case, rng, uniform, write_fixture  # noqa: E402

CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}


def tf_same(size, k, stride, dilation):
    out = -(-size // stride)
    total = max((out - 1) * stride + (k - 1) * dilation + 1 - size, 0)
    return total // 2, total - total // 2


def pads_for(padding, sizes, ks, strides, dilations):
    if padding == "valid":
        return [(0, 0)] * len(sizes)
    if padding == "causal":
        return [(d * (k - 1), 0) for k, d in zip(ks, dilations)]
    return [tf_same(n, k, s, d) for n, k, s, d in zip(sizes, ks, strides, dilations)]


def pad(x_cf, pads):
    flat = []
    for before, after in reversed(pads):
        flat += [before, after]
    return F.pad(x_cf, flat)


def to_cf(x, channels_last):
    return x.movedim(-1, 1) if channels_last else x


def from_cf(y, channels_last):
    return y.movedim(1, -1) if channels_last else y


def torch_kernel(w):
    """Keras (k..., a, b) -> torch (b, a, k...)."""
    rank = w.dim() - 2
    return w.permute(rank + 1, rank, *range(rank))


def conv_cf(x_cf, w_keras, strides, padding, dilations, groups=1):
    rank = x_cf.dim() - 2
    ks = list(w_keras.shape[:rank])
    xp = pad(x_cf, pads_for(padding, list(x_cf.shape[2:]), ks, strides, dilations))
    w = torch_kernel(w_keras)
    cin, cout = x_cf.shape[1] // groups, w.shape[0] // groups
    outs = [CONV[rank](xp[:, g * cin:(g + 1) * cin], w[g * cout:(g + 1) * cout], stride=strides, dilation=dilations)
            for g in range(groups)]
    return torch.cat(outs, 1)


def depthwise_cf(x_cf, w_keras, strides, padding, dilations):
    rank = x_cf.dim() - 2
    ks = list(w_keras.shape[:rank])
    xp = pad(x_cf, pads_for(padding, list(x_cf.shape[2:]), ks, strides, dilations))
    channels, multiplier = w_keras.shape[rank], w_keras.shape[rank + 1]
    outs = []
    for c in range(channels):
        for m in range(multiplier):
            w = w_keras[(Ellipsis, c, m)].reshape(1, 1, *ks)
            outs.append(CONV[rank](xp[:, c:c + 1], w, stride=strides, dilation=dilations))
    return torch.cat(outs, 1)


def bias_cf(y, b):
    return y + b.reshape(1, -1, *([1] * (y.dim() - 2)))


def activate(y, activation):
    return {"linear": lambda t: t, "relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid}[activation](y)


def transpose_length(size, k, stride, padding, output_padding, dilation):
    k = (k - 1) * dilation + 1
    if padding == "valid":
        if output_padding is None:
            output_padding = max(k, stride) - k
        return (size - 1) * stride + k + output_padding
    if output_padding is None:
        return size * stride
    return (size - 1) * stride + k % 2 + output_padding


def conv_transpose_cf(x_cf, w_keras, strides, padding, output_padding, dilations):
    """TensorFlow's conv_transpose: the adjoint of conv(z) with z of the output length, kernel (k..., filters, in)
    read as a convolution kernel from `filters` to `in` channels."""
    rank = x_cf.dim() - 2
    ks = list(w_keras.shape[:rank])
    filters = w_keras.shape[rank]
    out = [transpose_length(x_cf.shape[2 + i], ks[i], strides[i], padding,
                            None if output_padding is None else output_padding[i], dilations[i]) for i in range(rank)]
    z = torch.zeros(x_cf.shape[0], filters, *out, requires_grad=True)
    forward = conv_cf(z, w_keras, strides, padding, dilations)
    assert list(forward.shape) == list(x_cf.shape), (forward.shape, x_cf.shape)
    return torch.autograd.grad(forward, z, grad_outputs=x_cf, create_graph=True)[0]


def config(class_name, **keys):
    base = {"name": {"Conv1D": "conv1d", "Conv2D": "conv2d", "Conv3D": "conv3d", "Conv1DTranspose": "conv1d_transpose",
                     "Conv2DTranspose": "conv2d_transpose", "Conv3DTranspose": "conv3d_transpose",
                     "DepthwiseConv1D": "depthwise_conv1d", "DepthwiseConv2D": "depthwise_conv2d",
                     "SeparableConv1D": "separable_conv1d", "SeparableConv2D": "separable_conv2d"}[class_name],
            "trainable": True, "dtype": "float32"}
    base.update(keys)
    return {"class_name": class_name, "config": base}


R = rng(3)
cases = []


def tuple_of(v, rank):
    return list(v) if isinstance(v, (list, tuple)) else [v] * rank


def conv_case(name, rank, shape, filters, kernel, strides=1, padding="valid", dilation=1, groups=1,
              channels_last=True, activation="linear", use_bias=True):
    ks, ss, ds = tuple_of(kernel, rank), tuple_of(strides, rank), tuple_of(dilation, rank)
    cin = shape[-1] if channels_last else shape[1]
    x = uniform(R, shape)
    weights = [uniform(R, ks + [cin // groups, filters], -0.5, 0.5)] + ([uniform(R, [filters], -0.5, 0.5)] if use_bias else [])

    def fn(xs, ws):
        y = conv_cf(to_cf(xs[0], channels_last), ws[0], ss, padding, ds, groups)
        if use_bias:
            y = bias_cf(y, ws[1])
        return activate(from_cf(y, channels_last), activation)

    layer = config(f"Conv{rank}D", filters=filters, kernel_size=ks, strides=ss, padding=padding,
                   data_format="channels_last" if channels_last else "channels_first", dilation_rate=ds,
                   groups=groups, activation=activation, use_bias=use_bias)
    cases.append(grads_case(name, layer, fn, [x], weights, ["kernel", "bias"][:len(weights)]))


def transpose_case(name, rank, shape, filters, kernel, strides=1, padding="valid", output_padding=None, dilation=1,
                   channels_last=True, activation="linear", use_bias=True):
    ks, ss, ds = tuple_of(kernel, rank), tuple_of(strides, rank), tuple_of(dilation, rank)
    op = None if output_padding is None else tuple_of(output_padding, rank)
    cin = shape[-1] if channels_last else shape[1]
    x = uniform(R, shape)
    weights = [uniform(R, ks + [filters, cin], -0.5, 0.5)] + ([uniform(R, [filters], -0.5, 0.5)] if use_bias else [])

    def fn(xs, ws):
        y = conv_transpose_cf(to_cf(xs[0], channels_last), ws[0], ss, padding, op, ds)
        if use_bias:
            y = bias_cf(y, ws[1])
        return activate(from_cf(y, channels_last), activation)

    layer = config(f"Conv{rank}DTranspose", filters=filters, kernel_size=ks, strides=ss, padding=padding,
                   output_padding=op, data_format="channels_last" if channels_last else "channels_first",
                   dilation_rate=ds, activation=activation, use_bias=use_bias)
    cases.append(grads_case(name, layer, fn, [x], weights, ["kernel", "bias"][:len(weights)]))


def depthwise_case(name, rank, shape, kernel, strides=1, padding="valid", depth_multiplier=1, dilation=1,
                   channels_last=True, activation="linear", use_bias=True):
    ks, ss, ds = tuple_of(kernel, rank), tuple_of(strides, rank), tuple_of(dilation, rank)
    cin = shape[-1] if channels_last else shape[1]
    x = uniform(R, shape)
    weights = [uniform(R, ks + [cin, depth_multiplier], -0.5, 0.5)]
    if use_bias:
        weights.append(uniform(R, [cin * depth_multiplier], -0.5, 0.5))

    def fn(xs, ws):
        y = depthwise_cf(to_cf(xs[0], channels_last), ws[0], ss, padding, ds)
        if use_bias:
            y = bias_cf(y, ws[1])
        return activate(from_cf(y, channels_last), activation)

    layer = config(f"DepthwiseConv{rank}D", depth_multiplier=depth_multiplier, kernel_size=ks, strides=ss,
                   padding=padding, data_format="channels_last" if channels_last else "channels_first",
                   dilation_rate=ds, activation=activation, use_bias=use_bias)
    cases.append(grads_case(name, layer, fn, [x], weights, ["kernel", "bias"][:len(weights)]))


def separable_case(name, rank, shape, filters, kernel, strides=1, padding="valid", depth_multiplier=1, dilation=1,
                   channels_last=True, activation="linear", use_bias=True):
    ks, ss, ds = tuple_of(kernel, rank), tuple_of(strides, rank), tuple_of(dilation, rank)
    cin = shape[-1] if channels_last else shape[1]
    x = uniform(R, shape)
    weights = [uniform(R, ks + [cin, depth_multiplier], -0.5, 0.5),
               uniform(R, [1] * rank + [cin * depth_multiplier, filters], -0.5, 0.5)]
    if use_bias:
        weights.append(uniform(R, [filters], -0.5, 0.5))

    def fn(xs, ws):
        d = depthwise_cf(to_cf(xs[0], channels_last), ws[0], ss, padding, ds)
        y = torch.einsum("nc...,cf->nf...", d, ws[1].reshape(cin * depth_multiplier, filters))
        if use_bias:
            y = bias_cf(y, ws[2])
        return activate(from_cf(y, channels_last), activation)

    layer = config(f"SeparableConv{rank}D", depth_multiplier=depth_multiplier, filters=filters, kernel_size=ks,
                   strides=ss, padding=padding, data_format="channels_last" if channels_last else "channels_first",
                   dilation_rate=ds, activation=activation, use_bias=use_bias)
    names = ["depthwise_kernel", "pointwise_kernel", "bias"][:len(weights)]
    cases.append(grads_case(name, layer, fn, [x], weights, names))


conv_case("conv1d_causal_dilation2_tanh", 1, [2, 10, 2], 3, 3, padding="causal", dilation=2, activation="tanh")
conv_case("conv1d_causal_stride2_no_bias", 1, [2, 7, 2], 2, 2, strides=2, padding="causal", use_bias=False)
conv_case("conv1d_groups2_same_even_kernel", 1, [2, 8, 4], 6, 4, padding="same", groups=2)
conv_case("conv1d_channels_first_valid_dilation3", 1, [2, 3, 11], 2, 3, dilation=3, channels_last=False)
conv_case("conv2d_groups3_same_stride2_relu", 2, [2, 5, 6, 6], 3, 3, strides=2, padding="same", groups=3,
          activation="relu")
conv_case("conv2d_same_dilation2_sigmoid", 2, [1, 7, 6, 2], 2, 3, padding="same", dilation=2, activation="sigmoid")
conv_case("conv3d_same_dilation2_even_kernel", 3, [1, 5, 4, 5, 2], 2, 2, padding="same", dilation=2)

transpose_case("conv1d_transpose_valid_stride2", 1, [2, 5, 3], 2, 3, strides=2)
transpose_case("conv1d_transpose_same_stride2_even_kernel", 1, [2, 4, 2], 3, 4, strides=2, padding="same")
transpose_case("conv1d_transpose_same_output_padding1", 1, [2, 4, 2], 2, 3, strides=2, padding="same",
               output_padding=1)
transpose_case("conv1d_transpose_valid_output_padding1_stride3_extends", 1, [1, 4, 2], 2, 2, strides=3,
               output_padding=1)
transpose_case("conv1d_transpose_same_dilation2", 1, [2, 6, 2], 2, 3, padding="same", dilation=2)
transpose_case("conv1d_transpose_channels_first_relu", 1, [2, 3, 5], 2, 2, strides=2, channels_last=False,
               activation="relu")
transpose_case("conv2d_transpose_valid_output_padding", 2, [1, 3, 2, 2], 2, 3, strides=[2, 3], output_padding=[1, 2])
transpose_case("conv2d_transpose_same_output_padding0", 2, [1, 3, 3, 2], 2, 3, strides=2, padding="same",
               output_padding=0)
transpose_case("conv2d_transpose_same_dilation2_even_kernel_no_bias", 2, [1, 4, 3, 2], 2, 2, padding="same",
               dilation=2, use_bias=False)
transpose_case("conv3d_transpose_same_stride2", 3, [1, 2, 3, 2, 2], 2, 3, strides=2, padding="same")
transpose_case("conv3d_transpose_valid_output_padding_channels_first", 3, [1, 1, 2, 2, 2], 2, 2, strides=2,
               output_padding=1, channels_last=False)

depthwise_case("depthwise_conv1d_dm3_valid_stride2_relu", 1, [2, 10, 3], 3, strides=2, depth_multiplier=3,
               activation="relu")
depthwise_case("depthwise_conv1d_same_even_kernel_no_bias", 1, [2, 7, 2], 4, padding="same", use_bias=False)
depthwise_case("depthwise_conv1d_channels_first_same_dilation2_dm2", 1, [2, 3, 9], 3, padding="same",
               depth_multiplier=2, dilation=2, channels_last=False)
depthwise_case("depthwise_conv2d_valid_dilation2_no_bias_relu", 2, [1, 7, 7, 2], 3, dilation=2, use_bias=False,
               activation="relu")

separable_case("separable_conv1d_same_dm2", 1, [2, 7, 3], 4, 3, padding="same", depth_multiplier=2)
separable_case("separable_conv1d_valid_stride2_channels_first_tanh", 1, [2, 2, 9], 3, 2, strides=2,
               channels_last=False, activation="tanh")
separable_case("separable_conv1d_valid_dilation2_no_bias", 1, [1, 9, 2], 2, 3, dilation=2, use_bias=False)
separable_case("separable_conv2d_channels_first_same_dilation2", 2, [2, 2, 7, 7], 2, 2, padding="same", dilation=2,
               channels_last=False)

write_fixture(os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch.json"), cases)
