"""Golden fixtures for the recurrent layers where tfjs (Keras 2) lacks a feature or differs from Keras 3.

A float64 PyTorch reference written from Keras 3's formulas (keras/src/layers/rnn/*.py and the masked loop of
keras/src/backend/torch/rnn.py), with Keras' weight layouts used directly (gates side by side on the last axis:
LSTM i, f, c, o; GRU z, r, h; GRU reset_after bias (2, 3u) = [input bias, recurrent bias]). Covers GRU reset_after=True
(Keras 3's default, which tfjs rejects), Keras 3's masked outputs (the previous *output*, zeros before the first
unmasked step, where tfjs repeats the state), zero_output_for_mask, Bidirectional's forced zero outputs at masked steps
of returned sequences, Bidirectional initial states and return_state, the generic RNN(cell) config, the Keras 3
hard_sigmoid, and ConvLSTM1D/2D/3D.

Regenerate: /usr/bin/python3 Tests/Golden/Recurrent/generate.py
"""
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from goldenlib import grads_case, rng, tensor_json, uniform, write_fixture  # noqa: E402

ACT = {
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "relu": torch.relu,
    "linear": lambda x: x,
    # Keras 3: relu6(x + 3) / 6.
    "hard_sigmoid": lambda x: torch.clamp((x + 3.0) / 6.0, 0.0, 1.0),
}


def run(step, x, states, mask=None, go_backwards=False, zero_output=False, return_sequences=False):
    """Keras 3's RNN loop: masked steps keep the states and repeat the previous output (zeros at first)."""
    batch, steps = x.shape[0], x.shape[1]
    order = range(steps - 1, -1, -1) if go_backwards else range(steps)
    prev, outs = None, []
    for t in order:
        out, new = step(x[:, t], states)
        if mask is not None:
            m = torch.tensor(mask[:, t]).reshape([batch] + [1] * (out.dim() - 1))
            fill = torch.zeros_like(out) if (zero_output or prev is None) else prev
            out = torch.where(m, out, fill)
            new = [torch.where(m, n, s) for n, s in zip(new, states)]
        states, prev = new, out
        outs.append(out)
    return (torch.stack(outs, 1) if return_sequences else prev), states


def simple_step(w, act="tanh", bias=True):
    k, rk = w[0], w[1]
    b = w[2] if bias else 0.0
    return lambda x, s: (lambda h: (h, [h]))(ACT[act](x @ k + s[0] @ rk + b))


def lstm_step(w, units, act="tanh", ract="sigmoid", bias=True):
    k, rk = w[0], w[1]

    def step(x, s):
        z = x @ k + s[0] @ rk + (w[2] if bias else 0.0)
        i, f, c, o = (z[:, g * units:(g + 1) * units] for g in range(4))
        c = ACT[ract](f) * s[1] + ACT[ract](i) * ACT[act](c)
        h = ACT[ract](o) * ACT[act](c)
        return h, [h, c]

    return step


def gru_step(w, units, act="tanh", ract="sigmoid", bias=True, reset_after=True):
    k, rk = w[0], w[1]

    def step(x, s):
        h = s[0]
        u = units
        if reset_after:
            xp = x @ k + (w[2][0] if bias else 0.0)
            inner = h @ rk + (w[2][1] if bias else 0.0)
            z = ACT[ract](xp[:, :u] + inner[:, :u])
            r = ACT[ract](xp[:, u:2 * u] + inner[:, u:2 * u])
            hh = ACT[act](xp[:, 2 * u:] + r * inner[:, 2 * u:])
        else:
            xp = x @ k + (w[2] if bias else 0.0)
            inner = h @ rk[:, :2 * u]
            z = ACT[ract](xp[:, :u] + inner[:, :u])
            r = ACT[ract](xp[:, u:2 * u] + inner[:, u:2 * u])
            hh = ACT[act](xp[:, 2 * u:] + (r * h) @ rk[:, 2 * u:])
        out = z * h + (1 - z) * hh
        return out, [out]

    return step


def zeros(batch, units, n=1):
    return [torch.zeros(batch, units, dtype=torch.float64) for _ in range(n)]


def mask_array(rows):
    return np.array(rows, dtype=bool)


def weights(random, shapes):
    return [uniform(random, s, -0.5, 0.5) for s in shapes]


r = rng(2025)
cases = []
RNN_NAMES = ["kernel", "recurrent_kernel", "bias"]


def layer(class_name, **config):
    return {"class_name": class_name, "config": config}


def rnn_case(name, keras, step_factory, x, w, names, n_states, units, initial=None, mask=None, go_backwards=False,
             zero_output=False, return_sequences=False, return_state=False):
    inputs = [x] + (initial or [])

    def fn(xs, ws):
        states = list(xs[1:]) if initial else zeros(x.shape[0], units, n_states)
        out, final = run(step_factory(ws), xs[0], states, mask, go_backwards, zero_output, return_sequences)
        return [out] + final if return_state else out

    extra = {}
    if mask is not None:
        extra["output_masks"] = [tensor_json(mask.astype(np.float32)) if return_sequences else None] + \
            ([None] * n_states if return_state else [])
    input_masks = None if mask is None else [mask] + [None] * len(initial or [])
    case = grads_case(name, keras, fn, inputs, w, names, input_masks=input_masks, extra=extra)
    if return_state and len(inputs) == 1:
        case["multi_output"] = True
    cases.append(case)


# --- GRU reset_after=True (Keras 3's default) ---
u = 3
rnn_case("gru_reset_after_last", layer("GRU", name="gru", units=u),
         lambda ws: gru_step(ws, u), uniform(r, (2, 5, 4)), weights(r, [(4, 3 * u), (u, 3 * u), (2, 3 * u)]),
         RNN_NAMES, 1, u)
m = mask_array([[1, 0, 1, 1, 0, 0], [1, 1, 1, 1, 1, 0], [0, 1, 1, 0, 1, 1]])
rnn_case("gru_reset_after_masked_backwards_sequences",
         layer("GRU", name="gru", units=u, return_sequences=True, go_backwards=True),
         lambda ws: gru_step(ws, u), uniform(r, (3, 6, 2)), weights(r, [(2, 3 * u), (u, 3 * u), (2, 3 * u)]),
         RNN_NAMES, 1, u, mask=m, go_backwards=True, return_sequences=True)
rnn_case("gru_reset_after_no_bias_relu_hard_sigmoid",
         layer("GRU", name="gru", units=4, use_bias=False, activation="relu", recurrent_activation="hard_sigmoid",
               return_sequences=True),
         lambda ws: gru_step(ws, 4, "relu", "hard_sigmoid", bias=False), uniform(r, (2, 4, 3)),
         weights(r, [(3, 12), (4, 12)]), RNN_NAMES[:2], 1, 4, return_sequences=True)
m = mask_array([[0, 0, 1, 1, 0], [1, 1, 0, 1, 1]])
rnn_case("gru_reset_after_state_leading_mask_initial_state",
         layer("GRU", name="gru", units=2, return_sequences=True, return_state=True),
         lambda ws: gru_step(ws, 2), uniform(r, (2, 5, 3)), weights(r, [(3, 6), (2, 6), (2, 6)]), RNN_NAMES, 1, 2,
         initial=[uniform(r, (2, 2))], mask=m, return_sequences=True, return_state=True)
rnn_case("rnn_gru_cell_reset_before_state",
         layer("RNN", name="rnn", return_state=True,
               cell=layer("GRUCell", name="gru_cell", units=3, reset_after=False)),
         lambda ws: gru_step(ws, 3, reset_after=False), uniform(r, (2, 4, 2)), weights(r, [(2, 9), (3, 9), (9,)]),
         RNN_NAMES, 1, 3, return_state=True)

# --- Keras 3 masking details: leading masked steps after an initial state, zero_output_for_mask ---
m = mask_array([[0, 1, 1, 0, 1], [0, 0, 1, 1, 0]])
rnn_case("lstm_leading_mask_initial_states_sequences",
         layer("LSTM", name="lstm", units=2, return_sequences=True, return_state=True),
         lambda ws: lstm_step(ws, 2), uniform(r, (2, 5, 3)), weights(r, [(3, 8), (2, 8), (8,)]), RNN_NAMES, 2, 2,
         initial=[uniform(r, (2, 2)), uniform(r, (2, 2))], mask=m, return_sequences=True, return_state=True)
rnn_case("lstm_hard_sigmoid_zero_output_for_mask_last",
         layer("LSTM", name="lstm", units=3, recurrent_activation="hard_sigmoid", zero_output_for_mask=True),
         lambda ws: lstm_step(ws, 3, ract="hard_sigmoid"), uniform(r, (2, 4, 2)),
         weights(r, [(2, 12), (3, 12), (12,)]), RNN_NAMES, 2, 3,
         mask=mask_array([[1, 1, 0, 0], [1, 0, 1, 1]]), zero_output=True)
rnn_case("simple_rnn_zero_output_for_mask_sequences",
         layer("SimpleRNN", name="simple_rnn", units=3, return_sequences=True, zero_output_for_mask=True),
         lambda ws: simple_step(ws), uniform(r, (2, 5, 2)), weights(r, [(2, 3), (3, 3), (3,)]), RNN_NAMES, 1, 3,
         mask=mask_array([[1, 0, 1, 1, 0], [0, 1, 1, 1, 1]]), zero_output=True, return_sequences=True)


# --- Bidirectional (Keras 3 forces zero_output_for_mask = return_sequences on both directions) ---
def bidi_case(name, inner, step_factory, n_weights, x, w, n_states, units, merge_mode="concat", mask=None,
              return_sequences=False, return_state=False, initial=None):
    keras = layer("Bidirectional", name="bidirectional", layer=inner, merge_mode=merge_mode)

    def fn(xs, ws):
        if initial:
            fs, bs = list(xs[1:1 + n_states]), list(xs[1 + n_states:])
        else:
            fs, bs = zeros(x.shape[0], units, n_states), zeros(x.shape[0], units, n_states)
        y, f_states = run(step_factory(ws[:n_weights]), xs[0], fs, mask, False, return_sequences, return_sequences)
        y_rev, b_states = run(step_factory(ws[n_weights:]), xs[0], bs, mask, True, return_sequences,
                              return_sequences)
        if return_sequences:
            y_rev = torch.flip(y_rev, [1])
        merged = {"concat": lambda: [torch.cat([y, y_rev], -1)], "sum": lambda: [y + y_rev],
                  "mul": lambda: [y * y_rev], "ave": lambda: [(y + y_rev) / 2], None: lambda: [y, y_rev]}[merge_mode]()
        return merged + (f_states + b_states if return_state else [])

    inputs = [x] + (initial or [])
    n_out = (2 if merge_mode is None else 1) + (2 * n_states if return_state else 0)
    extra = {}
    if mask is not None:
        out_mask = tensor_json(mask.astype(np.float32)) if return_sequences else None
        extra["output_masks"] = [out_mask] * (2 if merge_mode is None else 1) + [None] * (n_out - (2 if merge_mode is None else 1))
    input_masks = None if mask is None else [mask] + [None] * len(initial or [])
    case = grads_case(name, keras, fn, inputs, w, RNN_NAMES * 2, input_masks=input_masks, extra=extra)
    if len(inputs) == 1 and n_out > 1:
        case["multi_output"] = True
    cases.append(case)


m = mask_array([[1, 1, 0, 1, 0], [1, 1, 1, 1, 1], [0, 1, 1, 0, 0]])
bidi_case("bidirectional_lstm_masked_sequences_concat", layer("LSTM", name="lstm", units=2, return_sequences=True),
          lambda ws: lstm_step(ws, 2), 3, uniform(r, (3, 5, 3)),
          weights(r, [(3, 8), (2, 8), (8,)]) + weights(r, [(3, 8), (2, 8), (8,)]), 2, 2, mask=m,
          return_sequences=True)
bidi_case("bidirectional_gru_masked_sequences_no_merge",
          layer("GRU", name="gru", units=3, return_sequences=True),
          lambda ws: gru_step(ws, 3), 3, uniform(r, (3, 5, 2)),
          weights(r, [(2, 9), (3, 9), (2, 9)]) + weights(r, [(2, 9), (3, 9), (2, 9)]), 1, 3, merge_mode=None,
          mask=m, return_sequences=True)
bidi_case("bidirectional_lstm_state_initial_states_sum",
          layer("LSTM", name="lstm", units=2, return_state=True),
          lambda ws: lstm_step(ws, 2), 3, uniform(r, (2, 4, 3)),
          weights(r, [(3, 8), (2, 8), (8,)]) + weights(r, [(3, 8), (2, 8), (8,)]), 2, 2, merge_mode="sum",
          return_state=True, initial=[uniform(r, (2, 2)) for _ in range(4)])
bidi_case("bidirectional_gru_state_ave",
          layer("GRU", name="gru", units=2, return_sequences=True, return_state=True),
          lambda ws: gru_step(ws, 2), 3, uniform(r, (2, 3, 2)),
          weights(r, [(2, 6), (2, 6), (2, 6)]) + weights(r, [(2, 6), (2, 6), (2, 6)]), 1, 2, merge_mode="ave",
          return_sequences=True, return_state=True)

HERE = os.path.dirname(os.path.abspath(__file__))
write_fixture(os.path.join(HERE, "recurrent_keras3.json"), cases)


# --- ConvLSTM1D/2D/3D: Keras' ConvLSTMCell, gate by gate, channels_last ---
def conv(x, kernel, strides, dilation, padding):
    """Keras ops.conv: x (batch, *spatial, in), kernel (*k, in, out); "same" pads the odd pixel at the end."""
    rank = kernel.dim() - 2
    xt = x.movedim(-1, 1)
    w = kernel.permute(rank + 1, rank, *range(rank))
    if padding == "same":
        pads = []
        for i in reversed(range(rank)):
            n, k, s, d = xt.shape[2 + i], kernel.shape[i], strides[i], dilation[i]
            out = -(-n // s)
            total = max((out - 1) * s + (k - 1) * d + 1 - n, 0)
            pads += [total // 2, total - total // 2]
        xt = F.pad(xt, pads)
    y = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}[rank](xt, w, stride=tuple(strides), dilation=tuple(dilation))
    return y.movedim(1, -1)


def conv_lstm_step(ws, filters, strides, dilation, padding):
    k, rk, b = ws
    rank = k.dim() - 2

    def step(x, s):
        h, c = s
        z = []
        for g in range(4):
            part = slice(g * filters, (g + 1) * filters)
            xg = conv(x, k[..., part], strides, dilation, padding) + b[part]
            hg = conv(h, rk[..., part], [1] * rank, [1] * rank, "same")
            z.append(xg + hg)
        i, f, o = torch.sigmoid(z[0]), torch.sigmoid(z[1]), torch.sigmoid(z[3])
        c = f * c + i * torch.tanh(z[2])
        h = o * torch.tanh(c)
        return h, [h, c]

    return step


def conv_output(n, k, s, d, padding):
    return -(-n // s) if padding == "same" else (n - d * (k - 1) - 1) // s + 1


cases = []
r = rng(77)


def conv_case(name, rank, filters, kernel_size, x, strides=None, dilation=None, padding="valid",
              channels_first=False, mask=None, return_sequences=False, return_state=False, go_backwards=False,
              initial=False):
    strides = strides or [1] * rank
    dilation = dilation or [1] * rank
    channels = x.shape[2] if channels_first else x.shape[-1]
    spatial = x.shape[3:] if channels_first else x.shape[2:-1]
    out_spatial = [conv_output(n, k, s, d, padding) for n, k, s, d in zip(spatial, kernel_size, strides, dilation)]
    w = weights(r, [tuple(kernel_size) + (channels, 4 * filters), tuple(kernel_size) + (filters, 4 * filters),
                    (4 * filters,)])
    state_shape = (x.shape[0],) + ((filters,) + tuple(out_spatial) if channels_first else tuple(out_spatial) + (filters,))
    initial_states = [uniform(r, state_shape), uniform(r, state_shape)] if initial else []
    config = {"name": f"conv_lstm{rank}d", "filters": filters, "kernel_size": list(kernel_size),
              "strides": strides, "padding": padding, "dilation_rate": dilation,
              "return_sequences": return_sequences, "return_state": return_state, "go_backwards": go_backwards}
    if channels_first:
        config["data_format"] = "channels_first"
    # channels_first inputs and states are transposed to channels_last around the channels_last reference.
    to_last = (lambda t, lead: t.movedim(lead, -1)) if channels_first else (lambda t, lead: t)
    to_first = (lambda t, lead: t.movedim(-1, lead)) if channels_first else (lambda t, lead: t)

    def fn(xs, ws):
        seq = to_last(xs[0], 2)
        states = [to_last(s, 1) for s in xs[1:]] if initial else \
            [torch.zeros((x.shape[0],) + tuple(out_spatial) + (filters,)) for _ in range(2)]
        out, final = run(conv_lstm_step(ws, filters, strides, dilation, padding), seq, states, mask, go_backwards,
                         False, return_sequences)
        out = to_first(out, 2 if return_sequences else 1)
        return [out] + [to_first(s, 1) for s in final] if return_state else out

    inputs = [x] + initial_states
    extra = {}
    if mask is not None:
        extra["output_masks"] = [tensor_json(mask.astype(np.float32)) if return_sequences else None] + \
            ([None, None] if return_state else [])
    input_masks = None if mask is None else [mask] + [None] * len(initial_states)
    case = grads_case(name, {"class_name": f"ConvLSTM{rank}D", "config": config}, fn, inputs, w, RNN_NAMES,
                      input_masks=input_masks, extra=extra)
    if return_state and len(inputs) == 1:
        case["multi_output"] = True
    cases.append(case)


conv_case("conv_lstm1d_same_masked_sequences", 1, 3, [3], uniform(r, (2, 4, 5, 2)), padding="same",
          mask=mask_array([[1, 1, 0, 1], [1, 0, 1, 0]]), return_sequences=True)
conv_case("conv_lstm1d_valid_dilation_state", 1, 2, [2], uniform(r, (2, 3, 6, 3)), dilation=[2], return_state=True)
conv_case("conv_lstm2d_channels_first_same_strides_backwards", 2, 2, [3, 2], uniform(r, (2, 3, 2, 5, 4)),
          strides=[2, 2], padding="same", channels_first=True, return_sequences=True, go_backwards=True)
conv_case("conv_lstm2d_initial_states_state", 2, 2, [2, 2], uniform(r, (1, 3, 4, 3, 2)), padding="same",
          return_state=True, initial=True)
conv_case("conv_lstm3d_valid_even_kernel", 3, 2, [2, 3, 2], uniform(r, (1, 2, 3, 4, 3, 1)))
write_fixture(os.path.join(HERE, "conv_lstm_keras3.json"), cases)
