"""Golden fixtures for the image preprocessing layers (Keras 3 semantics, float64 references).

Regenerate: /usr/bin/python3 Tests/Golden/ImagePreprocessing/generate.py

* resizing.json / cropping.json / normalization.json: standard cases (Tests/Golden/README.md). Resizing and
  CenterCrop's smart-resize use torch.nn.functional.interpolate exactly as Keras 3's torch backend calls it
  (keras/src/backend/torch/image.py `resize`: bilinear/bicubic with align_corners=False, no antialias, nearest as
  "nearest-exact"; crop/pad to aspect ratio with Keras' integer arithmetic). CenterCrop's slicing, Rescaling and
  Normalization are numpy transcriptions of the Keras 3 layer code (center_crop.py, rescaling.py, normalization.py).
* adapt.json: Normalization.adapt against numpy's mean and biased variance of the whole data.
* transforms.json: the random layers applied with FIXED transform parameters ("params"), which the C# tests pass to
  each layer's internal transform method. No Keras library is available here, so the references are written from
  Keras 3's formulas: the rotation/zoom/translation matrices of random_rotation.py (_compute_affine_matrix in
  base_image_preprocessing_layer.py), random_zoom.py and random_translation.py, and `affine_transform` /
  `map_coordinates` of keras/src/backend/torch/image.py re-implemented independently as a per-pixel loop building
  the (linear) sampling matrix M and fill term b, so output = M·x + b and d(sum(output·u))/dx = Mᵀu. Reflection uses
  the period-2n form (k = i mod 2n; k ≥ n → 2n-1-k) rather than Keras' triangular wave. Flip, contrast, brightness
  and crop are numpy transcriptions of random_flip.py, random_contrast.py, random_brightness.py, random_crop.py.
"""
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from goldenlib import grads_case, rng, tensor_json, uniform, write_fixture  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def layer(class_name, **config):
    return {"class_name": class_name, "config": {"name": class_name.lower(), **config}}


# ---------------------------------------------------------------- resize (Keras 3 torch backend semantics)

def aspect_crop(h, w, th, tw):
    ch = max(min(h, int(float(w * th) / tw)), 1)
    cw = max(min(w, int(float(h * tw) / th)), 1)
    return ch, cw, int(float(h - ch) / 2), int(float(w - cw) / 2)


def torch_resize(x_nhwc, th, tw, interpolation="bilinear", crop=False, pad=False, fill=0.0, channels_first=False):
    """x: a float64 torch tensor (N, H, W, C) or (N, C, H, W)."""
    x = x_nhwc if channels_first else x_nhwc.permute(0, 3, 1, 2)
    h, w = x.shape[2], x.shape[3]
    if crop:
        ch, cw, top, left = aspect_crop(h, w, th, tw)
        x = x[:, :, top:top + ch, left:left + cw]
    elif pad:
        ph = max(h, int(float(w * th) / tw))
        pw = max(w, int(float(h * tw) / th))
        top, left = int(float(ph - h) / 2), int(float(pw - w) / 2)
        x = F.pad(x, [left, left, top, top], mode="constant", value=fill)
    mode = {"bilinear": "bilinear", "bicubic": "bicubic", "nearest": "nearest-exact"}[interpolation]
    align = None if interpolation == "nearest" else False
    y = F.interpolate(x, size=(th, tw), mode=mode, align_corners=align)
    return y if channels_first else y.permute(0, 2, 3, 1)


def resizing_cases():
    r = rng(3)
    cases = []

    def add(name, shape, th, tw, unbatched=False, **kw):
        cfg = {"height": th, "width": tw, "interpolation": kw.get("interpolation", "bilinear"),
               "crop_to_aspect_ratio": kw.get("crop", False), "pad_to_aspect_ratio": kw.get("pad", False),
               "fill_mode": "constant", "fill_value": kw.get("fill", 0.0),
               "data_format": "channels_first" if kw.get("channels_first") else "channels_last"}
        x = uniform(r, shape)

        def fn(xs, ws):
            t = xs[0].unsqueeze(0) if unbatched else xs[0]
            y = torch_resize(t, th, tw, **kw)
            return y.squeeze(0) if unbatched else y
        cases.append(grads_case(name, layer("Resizing", **cfg), fn, [x], [], []))

    add("resizing_bilinear_down", (2, 7, 6, 2), 4, 3)
    add("resizing_bilinear_up", (1, 3, 4, 2), 5, 7)
    add("resizing_nearest_down", (2, 7, 5, 1), 3, 4, interpolation="nearest")
    add("resizing_nearest_up", (1, 3, 2, 3), 7, 5, interpolation="nearest")
    add("resizing_bicubic_up", (1, 4, 5, 2), 6, 7, interpolation="bicubic")
    add("resizing_bicubic_down", (2, 8, 7, 1), 5, 3, interpolation="bicubic")
    add("resizing_crop_to_aspect_ratio", (2, 6, 9, 2), 4, 4, crop=True)
    add("resizing_pad_to_aspect_ratio", (1, 4, 8, 2), 6, 6, pad=True, fill=0.25)
    add("resizing_pad_to_aspect_ratio_tall", (1, 8, 3, 1), 4, 4, pad=True, fill=-1.0)
    add("resizing_channels_first", (2, 3, 5, 6), 3, 4, channels_first=True)
    add("resizing_unbatched", (5, 4, 3), 3, 6, unbatched=True)
    # uint8-like integer input: Keras' torch backend resizes in float32 and rounds back to the input dtype.
    xi = r.randint(0, 256, size=(1, 5, 4, 1)).astype(np.int64)
    yi = torch.round(torch_resize(torch.tensor(xi, dtype=torch.float64), 3, 3)).numpy().astype(np.int64)
    cases.append({"name": "resizing_integer_input_rounds_back",
                  "layer": layer("Resizing", height=3, width=3),
                  "inputs": [tensor_json(xi)], "outputs": [tensor_json(yi)], "weights": []})
    return cases


# ---------------------------------------------------------------- cropping (CenterCrop, RandomCrop at inference)

def center_crop(x, th, tw, channels_first=False):
    hax = 2 if channels_first else 1
    h, w = x.shape[hax], x.shape[hax + 1]
    if h - th >= 0 and w - tw >= 0:
        top, left = int((h - th) / 2), int((w - tw) / 2)
        return x.narrow(hax, top, th).narrow(hax + 1, left, tw)
    return torch_resize(x, th, tw, crop=True, channels_first=channels_first)


def cropping_cases():
    r = rng(5)
    cases = []

    def add(name, class_name, shape, th, tw, channels_first=False, unbatched=False, training=False):
        cfg = {"height": th, "width": tw, "data_format": "channels_first" if channels_first else "channels_last"}
        if class_name == "RandomCrop":
            cfg["seed"] = None

        def fn(xs, ws):
            t = xs[0].unsqueeze(0) if unbatched else xs[0]
            if class_name == "CenterCrop":
                y = center_crop(t, th, tw, channels_first)
            else:  # RandomCrop at inference: largest centered window with the target aspect ratio, then resize.
                y = torch_resize(t, th, tw, crop=True, channels_first=channels_first)
            return y.squeeze(0) if unbatched else y
        cases.append(grads_case(name, layer(class_name, **cfg), fn, [uniform(r, shape)], [], [], training=training))

    add("center_crop_even_margins", "CenterCrop", (2, 8, 6, 2), 4, 2)
    add("center_crop_odd_margins", "CenterCrop", (1, 7, 6, 3), 4, 3)
    add("center_crop_smaller_input_resizes", "CenterCrop", (2, 3, 5, 1), 4, 4)
    add("center_crop_one_side_smaller", "CenterCrop", (1, 6, 3, 2), 4, 5)
    add("center_crop_channels_first", "CenterCrop", (1, 2, 7, 8), 3, 5, channels_first=True)
    add("center_crop_unbatched", "CenterCrop", (6, 5, 2), 3, 3, unbatched=True)
    add("random_crop_inference_crops_to_aspect_and_resizes", "RandomCrop", (2, 8, 6, 2), 4, 4)
    add("random_crop_inference_same_aspect", "RandomCrop", (1, 8, 6, 1), 4, 3)
    add("random_crop_training_small_input_falls_back", "RandomCrop", (1, 4, 9, 2), 4, 3, training=True)
    add("random_crop_inference_channels_first", "RandomCrop", (1, 2, 6, 9), 3, 3, channels_first=True)
    return cases


# ---------------------------------------------------------------- Rescaling and Normalization

def normalization_cases():
    r = rng(9)
    cases = []
    x = uniform(r, (2, 3, 4), 0, 255)
    cases.append(grads_case("rescaling_scalar", layer("Rescaling", scale=1 / 127.5, offset=-1.0),
                            lambda xs, ws: xs[0] * (1 / 127.5) - 1.0, [x], [], []))
    scale = [0.5, -2.0, 0.25, 1.5]
    cases.append(grads_case("rescaling_per_channel", layer("Rescaling", scale=scale, offset=0.0),
                            lambda xs, ws: xs[0] * torch.tensor(scale), [uniform(r, (2, 3, 4))], [], []))
    npy = {"class_name": "__numpy__", "config": {"value": [2.0, 3.0, 4.0], "dtype": "float32"}}
    cases.append(grads_case("rescaling_numpy_scale_and_list_offset",
                            layer("Rescaling", scale=npy, offset=[1.0, 0.0, -1.0]),
                            lambda xs, ws: xs[0] * torch.tensor([2.0, 3.0, 4.0]) + torch.tensor([1.0, 0.0, -1.0]),
                            [uniform(r, (2, 2, 2, 3))], [], []))

    eps = 1e-7

    def norm(x, mean, var, invert=False):
        std = torch.clamp(torch.sqrt(var), min=eps)
        return mean + x * std if invert else (x - mean) / std

    # Given statistics (constants, no weights): broadcast along the kept axes from the right.
    mean = np.array([0.5, -1.0, 2.0])
    var = np.array([4.0, 0.25, 1.0])
    cases.append(grads_case("normalization_given_stats", layer("Normalization", axis=[-1], invert=False,
                                                               mean=mean.tolist(), variance=var.tolist()),
                            lambda xs, ws: norm(xs[0], torch.tensor(mean), torch.tensor(var)),
                            [uniform(r, (4, 3))], [], []))
    cases.append(grads_case("normalization_given_scalar_stats_invert",
                            layer("Normalization", axis=[-1], invert=True, mean=3.0, variance=2.0),
                            lambda xs, ws: norm(xs[0], torch.tensor(3.0), torch.tensor(2.0), invert=True),
                            [uniform(r, (3, 2))], [], []))
    m2 = np.array([[0.1, 0.2], [0.3, 0.4], [-0.5, 0.6]])
    v2 = np.array([[1.0, 2.0], [0.5, 0.25], [3.0, 1e-16]])
    cases.append(grads_case("normalization_two_axes_nested_stats_and_epsilon",
                            layer("Normalization", axis=[1, 2], invert=False, mean=m2.tolist(), variance=v2.tolist()),
                            lambda xs, ws: norm(xs[0], torch.tensor(m2), torch.tensor(v2)),
                            [uniform(r, (2, 3, 2))], [], []))
    # Adapted statistics are weights (mean, variance, count), as in a saved Keras model.
    data = uniform(r, (6, 2, 3), -2, 3)
    am = data.mean(axis=(0, 1))
    av = data.var(axis=(0, 1))
    cases.append(grads_case("normalization_adapted_weights", layer("Normalization", axis=[-1], invert=False,
                                                                   mean=None, variance=None),
                            lambda xs, ws: norm(xs[0], ws[0], ws[1]), [data[:2]],
                            [am, av, np.array(0.0)], ["mean", "variance", "count"]))
    cases[-1]["weight_gradients"] = [None, None, None]
    cases.append(grads_case("normalization_adapted_axis_none_invert",
                            layer("Normalization", axis=[], invert=True, mean=None, variance=None),
                            lambda xs, ws: norm(xs[0], ws[0], ws[1], invert=True), [uniform(r, (2, 3))],
                            [np.array(1.5), np.array(0.36), np.array(0.0)], ["mean", "variance", "count"]))
    cases[-1]["weight_gradients"] = [None, None, None]
    return cases


def adapt_cases():
    """Normalization.adapt: numpy's mean and (biased) variance over the reduced axes of all the data; "batches" are
    passed to Adapt one by one (Keras combines them with the lack-of-fit formula, exact up to round-off)."""
    r = rng(17)
    cases = []

    def add(name, axis, batches, keep, as_batches, invert_input=None):
        data = np.concatenate(batches, axis=0)
        reduce = tuple(d for d in range(data.ndim) if d not in keep)
        case = {"name": name, "layer": layer("Normalization", axis=axis, invert=invert_input is not None,
                                              mean=None, variance=None),
                "batches": [tensor_json(b) for b in batches], "as_batches": as_batches,
                "mean": tensor_json(data.mean(axis=reduce)), "variance": tensor_json(data.var(axis=reduce))}
        if invert_input is not None:
            std = np.maximum(np.sqrt(data.var(axis=reduce)), 1e-7)
            case["inputs"] = [tensor_json(invert_input)]
            case["outputs"] = [tensor_json(data.mean(axis=reduce) + invert_input * std)]
        cases.append(case)

    add("adapt_features_last_axis", [-1], [uniform(r, (7, 3), -3, 5)], (1,), False)
    add("adapt_axis_none_keras_doc_example", [], [np.array([1.0, 2.0, 3.0, 4.0, 5.0])], (), False)
    add("adapt_batches_combined", [-1], [uniform(r, (4, 2, 3)), uniform(r, (2, 2, 3), 1, 4), uniform(r, (5, 2, 3))],
        (2,), True)
    add("adapt_two_kept_axes", [1, 2], [uniform(r, (6, 2, 3), -1, 2)], (1, 2), False)
    add("adapt_keras_doc_invert", [-1], [np.array([[0.0, 7.0, 4.0], [2.0, 9.0, 6.0], [0.0, 7.0, 4.0], [2.0, 9.0, 6.0]])],
        (1,), False, invert_input=np.array([[1.0, 2.0, 3.0]]))
    return cases


# ---------------------------------------------------------------- random layers with fixed parameters

def fix_index(i, n, mode):
    if mode in ("constant", "nearest"):
        return min(max(i, 0), n - 1)
    if mode == "wrap":
        return i % n
    k = i % (2 * n)  # reflect: d c b a | a b c d | d c b a
    return 2 * n - 1 - k if k >= n else k


def round_half_even(v):
    return int(np.round(v))


def sampling_matrix(h, w, t, interpolation, fill_mode, fill_value):
    """Keras' affine_transform for one image as output = M @ x + b (x flattened (h*w, c))."""
    a0, a1, a2, b0, b1, b2 = t[:6]
    m = np.zeros((h * w, h * w))
    b = np.zeros(h * w)
    coords = []
    for y in range(h):
        for x in range(w):
            xin = a0 * x + a1 * y + a2
            yin = b0 * x + b1 * y + b2
            coords.append((yin, xin))
            if interpolation == "nearest":
                ys = [(round_half_even(yin), 1.0)]
                xs = [(round_half_even(xin), 1.0)]
            else:
                fy, fx = math.floor(yin), math.floor(xin)
                ys = [(fy, 1.0 - (yin - fy)), (fy + 1, yin - fy)]
                xs = [(fx, 1.0 - (xin - fx)), (fx + 1, xin - fx)]
            o = y * w + x
            for iy, wy in ys:
                for ix, wx in xs:
                    weight = wy * wx
                    if fill_mode == "constant" and not (0 <= iy < h and 0 <= ix < w):
                        b[o] += weight * fill_value
                        continue
                    m[o, fix_index(iy, h, fill_mode) * w + fix_index(ix, w, fill_mode)] += weight
    return m, b, coords


def affine(x, transforms, interpolation, fill_mode, fill_value, upstream):
    """x: (N, H, W, C) float64; returns output and d(sum(out*upstream))/dx."""
    n, h, w, c = x.shape
    out = np.zeros_like(x)
    grad = np.zeros_like(x)
    for i in range(n):
        m, b, coords = sampling_matrix(h, w, transforms[i], interpolation, fill_mode, fill_value)
        if interpolation == "nearest":
            # Keep clear of rounding ties so float32 and float64 coordinates round alike.
            frac = [abs(v - math.floor(v) - 0.5) for yx in coords for v in yx]
            assert min(frac) > 1e-3, "nearest sampling too close to a .5 tie"
        out[i] = (m @ x[i].reshape(h * w, c) + b[:, None]).reshape(h, w, c)
        grad[i] = (m.T @ upstream[i].reshape(h * w, c)).reshape(h, w, c)
    return out, grad


def rotation_matrix(angle_deg, h, w):
    a = math.radians(angle_deg)
    cx, cy = 0.5 * (w - 1), 0.5 * (h - 1)
    a0, a1, b0, b1 = math.cos(a), -math.sin(a), math.sin(a), math.cos(a)
    return [a0, a1, cx - cx * a0 - cy * a1, b0, b1, cy - cx * b0 - cy * b1, 0, 0]


def zoom_matrix(zy, zx, h, w):
    return [zx, 0, (w - 1) / 2.0 * (1 - zx), 0, zy, (h - 1) / 2.0 * (1 - zy), 0, 0]


def translation_matrix(dy, dx):
    return [1, 0, -dx, 0, 1, -dy, 0, 0]


def transform_case(name, keras_layer, x, params, out, grad=None, upstream=None, training=True):
    case = {"name": name, "layer": keras_layer, "inputs": [tensor_json(x)], "training": training,
            "params": {k: tensor_json(np.asarray(v, dtype=np.float64)) for k, v in params.items()},
            "outputs": [tensor_json(out)]}
    if grad is not None:
        case["upstream"] = [tensor_json(upstream)]
        case["input_gradients"] = [tensor_json(grad)]
    return case


def transform_cases():
    r = rng(13)
    cases = []

    def affine_case(name, keras_layer, shape, params, matrices, interpolation, fill_mode, fill_value=0.0,
                    channels_first=False, unbatched=False):
        x = uniform(r, shape)
        u = uniform(r, shape)
        xb = x[None] if unbatched else x
        ub = u[None] if unbatched else u
        if channels_first:
            xb, ub = xb.transpose(0, 2, 3, 1), ub.transpose(0, 2, 3, 1)
        out, grad = affine(xb, matrices, interpolation, fill_mode, fill_value, ub)
        if channels_first:
            out, grad = out.transpose(0, 3, 1, 2), grad.transpose(0, 3, 1, 2)
        if unbatched:
            out, grad = out[0], grad[0]
        cases.append(transform_case(name, keras_layer, x, params, out, grad, u))

    def rotation(name, shape, angles, fill_mode="reflect", interpolation="bilinear", fill_value=0.0,
                 channels_first=False, unbatched=False):
        hw = shape[-2:] if channels_first else shape[-3:-1]
        cfg = layer("RandomRotation", factor=[-0.5, 0.5], data_format="channels_first" if channels_first
                    else "channels_last", fill_mode=fill_mode, fill_value=fill_value, interpolation=interpolation,
                    seed=None)
        affine_case(name, cfg, shape, {"angle": angles}, [rotation_matrix(a, *hw) for a in angles], interpolation,
                    fill_mode, fill_value, channels_first, unbatched)

    rotation("rotation_bilinear_reflect", (2, 5, 6, 2), [27.0, -131.0])
    rotation("rotation_bilinear_constant_fill", (2, 6, 5, 1), [41.0, 95.0], fill_mode="constant", fill_value=0.5)
    rotation("rotation_bilinear_wrap", (1, 5, 5, 2), [-63.0], fill_mode="wrap")
    rotation("rotation_bilinear_nearest_fill", (1, 4, 7, 1), [152.0], fill_mode="nearest")
    rotation("rotation_nearest_interpolation_reflect", (2, 5, 6, 1), [31.0, -67.0], interpolation="nearest")
    rotation("rotation_nearest_interpolation_constant", (1, 6, 6, 2), [23.0], fill_mode="constant",
             interpolation="nearest", fill_value=-2.0)
    rotation("rotation_channels_first", (2, 2, 5, 4), [33.0, -18.0], channels_first=True)
    rotation("rotation_unbatched", (5, 4, 3), [58.0], unbatched=True)

    def zoom(name, shape, zys, zxs, fill_mode="reflect", interpolation="bilinear", fill_value=0.0):
        h, w = shape[1], shape[2]
        cfg = layer("RandomZoom", height_factor=[-0.5, 0.5], width_factor=[-0.5, 0.5], fill_mode=fill_mode,
                    interpolation=interpolation, seed=None, fill_value=fill_value, data_format="channels_last")
        affine_case(name, cfg, shape, {"height_zoom": zys, "width_zoom": zxs},
                    [zoom_matrix(zy, zx, h, w) for zy, zx in zip(zys, zxs)], interpolation, fill_mode, fill_value)

    zoom("zoom_out_reflect", (2, 6, 5, 2), [1.3, 1.17], [1.42, 0.83])
    zoom("zoom_in_constant", (1, 5, 7, 1), [0.73], [0.61], fill_mode="constant", fill_value=0.3)
    zoom("zoom_out_wrap", (1, 6, 6, 2), [1.37], [1.21], fill_mode="wrap")
    zoom("zoom_nearest_interpolation", (1, 5, 6, 1), [1.33], [0.77], interpolation="nearest", fill_mode="nearest")

    def translation(name, shape, dys, dxs, fill_mode="reflect", interpolation="bilinear", fill_value=0.0):
        cfg = layer("RandomTranslation", height_factor=[-0.5, 0.5], width_factor=[-0.5, 0.5], fill_mode=fill_mode,
                    interpolation=interpolation, seed=None, fill_value=fill_value, data_format="channels_last")
        affine_case(name, cfg, shape, {"dy": dys, "dx": dxs},
                    [translation_matrix(dy, dx) for dy, dx in zip(dys, dxs)], interpolation, fill_mode, fill_value)

    translation("translation_reflect", (2, 5, 6, 2), [1.3, -2.6], [-0.7, 2.2])
    translation("translation_constant", (1, 6, 5, 1), [2.4], [-1.35], fill_mode="constant", fill_value=1.0)
    translation("translation_wrap", (1, 4, 5, 2), [-3.3], [6.8], fill_mode="wrap")
    translation("translation_nearest_fill_and_interpolation", (1, 5, 5, 1), [1.8], [-2.3], fill_mode="nearest",
                interpolation="nearest")

    # RandomFlip: one coin per image; horizontal_and_vertical applies both flips together.
    for mode in ("horizontal", "vertical", "horizontal_and_vertical"):
        x = uniform(r, (3, 3, 4, 2))
        flips = [1.0, 0.0, 1.0]
        out = x.copy()
        for i, f in enumerate(flips):
            if f:
                if mode != "vertical":
                    out[i] = out[i][:, ::-1]
                if mode != "horizontal":
                    out[i] = out[i][::-1]
        cases.append(transform_case(f"flip_{mode}", layer("RandomFlip", seed=None, mode=mode,
                                                          data_format="channels_last"), x, {"flips": flips}, out))
    x = uniform(r, (2, 2, 3, 4))
    out = x.copy()
    out[0] = out[0][:, :, ::-1]
    cases.append(transform_case("flip_horizontal_channels_first",
                                layer("RandomFlip", seed=None, mode="horizontal", data_format="channels_first"),
                                x, {"flips": [1.0, 0.0]}, out))

    # RandomContrast: (x - mean over H and W) * c + mean, clipped to value_range.
    x = uniform(r, (2, 3, 4, 3), 0, 1)
    c = np.array([1.6, 0.35])
    mean = x.mean(axis=1, keepdims=True).mean(axis=2, keepdims=True)
    out = np.clip((x - mean) * c[:, None, None, None] + mean, 0.1, 0.9)
    cases.append(transform_case("contrast_clipped", layer("RandomContrast", factor=[0.7, 0.7],
                                                          value_range=[0.1, 0.9], seed=None),
                                x, {"contrast": c}, out))
    # RandomBrightness: x + d * (high - low), clipped.
    x = uniform(r, (2, 3, 3, 2), 0, 255)
    d = np.array([0.21, -0.37])
    out = np.clip(x + d[:, None, None, None] * 255.0, 0.0, 255.0)
    cases.append(transform_case("brightness_clipped", layer("RandomBrightness", factor=[-0.5, 0.5],
                                                            value_range=[0, 255], seed=None),
                                x, {"delta": d}, out))
    x = uniform(r, (3, 2, 2), -1, 1)
    d = np.array([0.3])
    out = np.clip(x + 0.3 * 2.0, -1.0, 1.0)
    cases.append(transform_case("brightness_unbatched_signed_range",
                                layer("RandomBrightness", factor=[-0.5, 0.5], value_range=[-1.0, 1.0], seed=None),
                                x, {"delta": d}, out))
    # RandomCrop while training: one window for the batch.
    x = uniform(r, (2, 6, 7, 2))
    cases.append(transform_case("crop_window", layer("RandomCrop", height=3, width=4, seed=None,
                                                     data_format="channels_last"),
                                x, {"top": [2], "left": [3]}, x[:, 2:5, 3:7, :]))
    return cases


if __name__ == "__main__":
    write_fixture(os.path.join(HERE, "resizing.json"), resizing_cases())
    write_fixture(os.path.join(HERE, "cropping.json"), cropping_cases())
    write_fixture(os.path.join(HERE, "normalization.json"), normalization_cases())
    write_fixture(os.path.join(HERE, "adapt.json"), adapt_cases(),
                  generator="numpy " + np.__version__ + " (mean and biased variance, float64)")
    write_fixture(os.path.join(HERE, "transforms.json"), transform_cases(),
                  generator="numpy " + np.__version__ + " (float64 transcription of Keras 3 formulas)")
