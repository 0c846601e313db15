"""Golden cases for Keras.Net's Tests/Utils: keras.utils' array helpers and Pillow-based image loading.

Keras itself is not installed here, so each function below restates Keras 3's code (keras/src/utils/
numerical_utils.py, sequence_utils.py, image_utils.py, dataset_utils.py, timeseries_dataset_utils.py) on NumPy and
Pillow, which are the libraries Keras runs that code on. Run with /usr/bin/python3 (numpy, Pillow 9.4):

    /usr/bin/python3 Tests/Golden/Utils/generate.py

It writes utils.json and the images in images/ (BMP, GIF, PNG, RGBA PNG, and solid BMP/GIF files for the directory
loader tests) that the C# tests load.
"""
import io
import json
import os

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
IMAGES = os.path.join(HERE, "images")


def to_categorical(x, num_classes=None):  # numerical_utils.to_categorical, NumPy path
    x = np.array(x, dtype="int64")
    input_shape = x.shape
    if input_shape and input_shape[-1] == 1 and len(input_shape) > 1:
        input_shape = tuple(input_shape[:-1])
    x = x.reshape(-1)
    if not num_classes:
        num_classes = np.max(x) + 1
    batch_size = x.shape[0]
    categorical = np.zeros((batch_size, num_classes))
    categorical[np.arange(batch_size), x] = 1
    return np.reshape(categorical, input_shape + (num_classes,))


def normalize(x, axis=-1, order=2):  # numerical_utils.normalize, NumPy path
    norm = np.atleast_1d(np.linalg.norm(x, order, axis))
    norm[norm == 0] = 1
    axis = axis or -1
    return x / np.expand_dims(norm, axis)


def pad_sequences(sequences, maxlen=None, dtype="int32", padding="pre", truncating="pre", value=0.0):
    lengths = [len(s) for s in sequences]
    if maxlen is None:
        maxlen = np.max(lengths)
    x = np.full((len(sequences), maxlen), value, dtype=dtype)
    for idx, s in enumerate(sequences):
        if not len(s):
            continue
        trunc = s[-maxlen:] if truncating == "pre" else s[:maxlen]
        trunc = np.asarray(trunc, dtype=dtype)
        if padding == "post":
            x[idx, : len(trunc)] = trunc
        else:
            x[idx, -len(trunc):] = trunc
    return x


PIL_METHODS = {
    "nearest": Image.NEAREST, "bilinear": Image.BILINEAR, "bicubic": Image.BICUBIC,
    "hamming": Image.HAMMING, "box": Image.BOX, "lanczos": Image.LANCZOS,
}


def load_img(path, color_mode="rgb", target_size=None, interpolation="nearest", keep_aspect_ratio=False):
    with open(path, "rb") as f:
        img = Image.open(io.BytesIO(f.read()))
    if color_mode == "grayscale":
        if img.mode not in ("L", "I;16", "I"):
            img = img.convert("L")
    elif color_mode == "rgba":
        if img.mode != "RGBA":
            img = img.convert("RGBA")
    elif color_mode == "rgb":
        if img.mode != "RGB":
            img = img.convert("RGB")
    if target_size is not None:
        width_height_tuple = (target_size[1], target_size[0])
        if img.size != width_height_tuple:
            resample = PIL_METHODS[interpolation]
            if keep_aspect_ratio:
                width, height = img.size
                target_width, target_height = width_height_tuple
                crop_height = min(height, (width * target_height) // target_width)
                crop_width = min(width, (height * target_width) // target_height)
                hstart = (height - crop_height) // 2
                wstart = (width - crop_width) // 2
                img = img.resize(width_height_tuple, resample,
                                 box=[wstart, hstart, wstart + crop_width, hstart + crop_height])
            else:
                img = img.resize(width_height_tuple, resample)
    return img


def img_to_array(img):
    x = np.asarray(img, dtype="float32")
    if len(x.shape) == 2:
        x = x.reshape((x.shape[0], x.shape[1], 1))
    return x


def array_to_img_pixels(x, scale=True):  # image_utils.array_to_img, channels_last, as uint8 pixels
    x = np.asarray(x, dtype="float32")
    if scale:
        x = x - np.min(x)
        x_max = np.max(x)
        if x_max != 0:
            x /= x_max
        x *= 255
    return x.astype("uint8")


def make_images():
    os.makedirs(IMAGES, exist_ok=True)
    rng = np.random.RandomState(7)
    rgb = rng.randint(0, 256, size=(9, 13, 3)).astype("uint8")
    rgba = np.concatenate([rng.randint(0, 256, size=(8, 6, 3)), rng.randint(0, 256, size=(8, 6, 1))], -1)
    rgba = rgba.astype("uint8")
    Image.fromarray(rgb, "RGB").save(os.path.join(IMAGES, "rgb.bmp"))
    Image.fromarray(rgb, "RGB").save(os.path.join(IMAGES, "rgb.png"))
    Image.fromarray(rgba, "RGBA").save(os.path.join(IMAGES, "rgba.png"))
    # A palette GIF of 11x7 with 16 colors.
    palette = Image.fromarray(rng.randint(0, 256, size=(7, 11, 3)).astype("uint8"), "RGB").quantize(16)
    palette.save(os.path.join(IMAGES, "palette.gif"))
    # Solid images for the directory-loader tests (SkiaSharp cannot encode BMP or GIF): gray 200 and 220.
    Image.new("RGB", (11, 6), (200, 200, 200)).save(os.path.join(IMAGES, "solid200.bmp"))
    Image.new("L", (5, 9), 220).convert("P").save(os.path.join(IMAGES, "solid220.gif"))


def image_cases():
    cases = []
    specs = [
        ("rgb.bmp", "rgb", None, "nearest", False),
        ("rgb.bmp", "grayscale", None, "nearest", False),
        ("rgb.bmp", "rgba", None, "nearest", False),
        ("palette.gif", "rgb", None, "nearest", False),
        ("palette.gif", "grayscale", None, "nearest", False),
        ("rgba.png", "rgba", None, "nearest", False),
        ("rgba.png", "rgb", None, "nearest", False),
        ("rgb.png", "rgb", (5, 7), "nearest", False),
        ("rgb.png", "rgb", (20, 17), "nearest", False),
        ("rgb.png", "rgb", (5, 7), "bilinear", False),
        ("rgb.png", "rgb", (14, 25), "bilinear", False),
        ("rgb.png", "rgb", (4, 6), "bicubic", False),
        ("rgb.png", "rgb", (12, 16), "bicubic", False),
        ("rgb.png", "grayscale", (3, 5), "lanczos", False),
        ("rgb.png", "rgb", (5, 4), "box", False),
        ("rgb.png", "rgb", (6, 9), "hamming", False),
        ("rgb.png", "rgb", (6, 6), "bilinear", True),
        ("rgb.png", "rgb", (4, 8), "nearest", True),
        ("rgba.png", "rgba", (5, 3), "bilinear", False),
        ("palette.gif", "rgb", (4, 4), "bicubic", True),
    ]
    for file, color_mode, target_size, interpolation, keep in specs:
        img = load_img(os.path.join(IMAGES, file), color_mode, target_size, interpolation, keep)
        x = img_to_array(img)
        cases.append({
            "name": f"{file}-{color_mode}-{target_size}-{interpolation}-{'keep' if keep else 'stretch'}",
            "file": file, "color_mode": color_mode,
            "target_size": list(target_size) if target_size else None,
            "interpolation": interpolation, "keep_aspect_ratio": keep,
            "shape": list(x.shape), "values": x.astype(int).reshape(-1).tolist(),
        })
    return cases


def main():
    make_images()
    rng = np.random.RandomState(3)
    categorical = [
        {"labels": [0, 1, 2, 3], "num_classes": 4, "shape": [4]},
        {"labels": [2, 0, 1, 2, 0], "num_classes": None, "shape": [5]},
        {"labels": [1, 0, 3], "num_classes": 5, "shape": [3, 1]},
        {"labels": [0, 1, 2, 1, 0, 2], "num_classes": 3, "shape": [2, 3]},
        {"labels": [1, 0, 1, 1], "num_classes": None, "shape": [2, 2, 1]},
    ]
    for case in categorical:
        y = to_categorical(np.array(case["labels"]).reshape(case["shape"]), case["num_classes"])
        case["expected_shape"] = list(y.shape)
        case["expected"] = y.reshape(-1).tolist()
    normalized = []
    # Keras turns axis=0 into -1 (`axis = axis or -1`), so axis 0 is not a Keras case: Keras.Net normalizes along it.
    for shape, axis, order in [((3, 4), -1, 2), ((3, 4), 1, 2), ((2, 3, 4), 1, 2), ((3, 4), -1, 1),
                               ((3, 4), -1, np.inf), ((3, 4), -1, -np.inf), ((3, 4), -1, 3), ((3, 4), -1, 0),
                               ((5,), -1, 2)]:
        x = rng.randn(*shape)
        x.reshape(-1)[1] = 0.0
        if len(shape) == 2:
            x[1] = 0.0  # a zero row stays zero
        normalized.append({
            "shape": list(shape), "axis": axis, "order": "inf" if order == np.inf else "-inf" if order == -np.inf
            else order, "x": x.reshape(-1).tolist(), "expected": normalize(x, axis, order).reshape(-1).tolist(),
        })
    sequences = [[1], [2, 3], [4, 5, 6], [], [7, 8, 9, 10, 11]]
    padded = []
    for maxlen, padding, truncating, value in [(None, "pre", "pre", 0), (None, "post", "pre", 0),
                                               (3, "pre", "pre", 0), (3, "post", "post", -1), (2, "post", "pre", 9),
                                               (6, "pre", "post", 0)]:
        y = pad_sequences(sequences, maxlen, "int32", padding, truncating, value)
        padded.append({"maxlen": maxlen, "padding": padding, "truncating": truncating, "value": value,
                       "shape": list(y.shape), "expected": y.reshape(-1).tolist()})
    shuffles = []
    for n, seed in [(10, 1337), (23, 42), (7, 0)]:
        order = list(range(n))
        np.random.RandomState(seed).shuffle(order)  # dataset_utils.index_directory shuffles a Python list
        shuffles.append({"n": n, "seed": seed, "order": order})
    timeseries = []
    for n, sequence_length, stride, rate, seed in [(99, 10, 3, 2, 5), (20, 4, 1, 1, 11)]:
        num_seqs = n - (sequence_length - 1) * rate
        positions = np.arange(0, num_seqs, stride, dtype="int32")
        np.random.RandomState(seed).shuffle(positions)  # timeseries_dataset_from_array
        timeseries.append({"n": n, "sequence_length": sequence_length, "stride": stride, "rate": rate,
                           "seed": seed, "positions": positions.tolist()})
    scaled = rng.uniform(-3, 5, size=(3, 4, 3)).astype("float32")
    array_to_img = {"x": scaled.reshape(-1).tolist(), "shape": [3, 4, 3],
                    "expected": array_to_img_pixels(scaled).reshape(-1).tolist()}
    out = {"to_categorical": categorical, "normalize": normalized, "pad_sequences": padded,
           "pad_sequences_input": sequences, "index_shuffle": shuffles, "timeseries_shuffle": timeseries,
           "array_to_img": array_to_img, "load_img": image_cases()}
    with open(os.path.join(HERE, "utils.json"), "w") as f:
        json.dump(out, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
