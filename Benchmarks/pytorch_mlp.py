#!/usr/bin/python3
"""PyTorch baseline for `dotnet run -c Release --project Benchmarks -- fit-mlp`.

Trains the Keras tutorial MLP (Flatten, Dense 128 relu, Dropout 0.2, Dense 10 softmax) on Fashion-MNIST with the same
loop as Benchmarks/HandLoop.cs: plain functional ops, Keras' sparse cross-entropy on clipped probabilities, Keras' Adam
formula in place (lr 1e-3, betas 0.9/0.999, epsilon 1e-7 added to sqrt(v)), a fresh shuffle each epoch, and a running
mean loss and accuracy. Prints one line `RESULT {json}` with per-epoch wall times; epoch 0 of a fresh process is the
first-epoch cost, later epochs are steady state.

Run: /usr/bin/python3 Benchmarks/pytorch_mlp.py --batch-size 32 --epochs 3 --threads 2
Needs: apt-get install -y python3-torch libopenblas0-openmp dataset-fashion-mnist
"""
import argparse
import gzip
import json
import math
import os
import struct
import time

T_START = time.perf_counter()
import torch  # noqa: E402  (import time is reported separately)

T_IMPORTED = time.perf_counter()

LR, BETA1, BETA2, EPS, CLIP = 1e-3, 0.9, 0.999, 1e-7, 1e-7


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic = struct.unpack(">I", raw[:4])[0]
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim])
    return torch.frombuffer(bytearray(raw[4 + 4 * ndim:]), dtype=torch.uint8).reshape(dims)


def glorot_uniform(fan_in, fan_out):
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    return (torch.rand(fan_in, fan_out) * (2 * limit) - limit).requires_grad_()


class Mlp:
    def __init__(self):
        self.w1 = glorot_uniform(784, 128)
        self.b1 = torch.zeros(128, requires_grad=True)
        self.w2 = glorot_uniform(128, 10)
        self.b2 = torch.zeros(10, requires_grad=True)
        self.params = [self.w1, self.b1, self.w2, self.b2]
        self.m = [torch.zeros_like(p) for p in self.params]
        self.v = [torch.zeros_like(p) for p in self.params]
        self.iterations = 0

    def forward(self, xb):
        flat = xb.reshape(xb.shape[0], -1)
        hidden = torch.nn.functional.relu(torch.addmm(self.b1, flat, self.w1))
        hidden = torch.nn.functional.dropout(hidden, 0.2, training=True)
        return torch.nn.functional.softmax(torch.addmm(self.b2, hidden, self.w2), 1)

    def adam(self, grads):
        with torch.no_grad():
            self.iterations += 1
            t = self.iterations
            alpha = LR * math.sqrt(1 - BETA2 ** t) / (1 - BETA1 ** t)
            for p, m, v, g in zip(self.params, self.m, self.v, grads):
                m.lerp_(g, 1 - BETA1)
                v.mul_(BETA2).addcmul_(g, g, value=1 - BETA2)
                p.addcdiv_(m, v.sqrt().add_(EPS), value=-alpha)


def sparse_crossentropy(probs, labels):
    normalised = probs / probs.sum(-1, keepdim=True)
    log_probs = normalised.clamp(CLIP, 1 - CLIP).log()
    return -log_probs.gather(1, labels.unsqueeze(1)).mean()


def run_epoch(model, x, y, batch_size, max_steps=None):
    start = time.perf_counter()
    cpu_start = time.process_time()
    loss_total = torch.zeros(())
    correct_total = torch.zeros(())
    seen = 0
    n = x.shape[0]
    perm = torch.randperm(n)
    xs = x.index_select(0, perm)
    ys = y.index_select(0, perm)
    offsets = range(0, n, batch_size)
    if max_steps is not None:
        offsets = offsets[:max_steps]
    for offset in offsets:
        length = min(batch_size, n - offset)
        xb = xs.narrow(0, offset, length)
        yb = ys.narrow(0, offset, length)
        probs = model.forward(xb)
        loss = sparse_crossentropy(probs, yb)
        grads = torch.autograd.grad([loss], model.params)
        model.adam(grads)
        with torch.no_grad():
            loss_total.add_(loss.detach(), alpha=length)
            correct_total.add_(probs.detach().argmax(1).eq(yb).sum())
            seen += length
    mean_loss = loss_total.item() / seen
    accuracy = correct_total.item() / seen
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "samples_per_second": seen / seconds, "loss": mean_loss, "accuracy": accuracy,
            "cpu_seconds": time.process_time() - cpu_start}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--max-steps", type=int, default=None, help="cut each epoch short (harness smoke tests)")
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    t0 = time.perf_counter()
    x = read_idx(os.path.join(args.data, "train-images-idx3-ubyte.gz")).to(torch.float32).div_(255.0)
    y = read_idx(os.path.join(args.data, "train-labels-idx1-ubyte.gz")).to(torch.int64)
    load_seconds = time.perf_counter() - t0

    torch.manual_seed(args.seed)
    t0 = time.perf_counter()
    model = Mlp()
    setup_seconds = time.perf_counter() - t0
    epochs = [run_epoch(model, x, y, args.batch_size, args.max_steps) for _ in range(args.epochs)]
    print("RESULT " + json.dumps({
        "torch_version": torch.__version__,
        "threads": torch.get_num_threads(),
        "batch_size": args.batch_size,
        "import_seconds": T_IMPORTED - T_START,
        "load_seconds": load_seconds,
        "setup_seconds": setup_seconds,
        "epochs": epochs,
    }), flush=True)


if __name__ == "__main__":
    main()
