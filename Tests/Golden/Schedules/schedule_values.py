"""Expected learning rates of Keras 3's schedules (keras/src/optimizers/schedules/learning_rate_schedule.py).

Run with Debian's interpreter: /usr/bin/python3 Tests/Golden/Schedules/schedule_values.py
Writes schedule_values.json beside this script. Each formula is Keras' __call__ written out in numpy float32, the
dtype Keras computes in (that of initial_learning_rate as a tensor): every Python number is cast to float32 where
Keras casts it, the step is cast from int64 to float32, and the operations run in Keras' order.
"""
import json
import math
import os

import numpy as np

f32 = np.float32


def exponential_decay(c, step):
    lr0, ds, dr = f32(c["initial_learning_rate"]), f32(c["decay_steps"]), f32(c["decay_rate"])
    p = f32(step) / ds
    if c.get("staircase", False):
        p = np.floor(p)
    return lr0 * np.power(dr, p)


def piecewise_constant_decay(c, step):
    boundaries = [int(b) for b in c["boundaries"]]
    values = [f32(v) for v in c["values"]]
    result = f32(0)
    result += f32(step <= boundaries[0]) * values[0]
    result += f32(step > boundaries[-1]) * values[-1]
    for low, high, value in zip(boundaries[:-1], boundaries[1:], values[1:-1]):
        result += f32(low < step <= high) * value
    return result


def polynomial_decay(c, step):
    lr0 = f32(c["initial_learning_rate"])
    end = f32(c.get("end_learning_rate", 0.0001))
    power = f32(c.get("power", 1.0))
    s = f32(step)
    ds = f32(c["decay_steps"])
    if c.get("cycle", False):
        multiplier = f32(1.0) if s == 0 else np.ceil(s / f32(c["decay_steps"]))
        ds = ds * multiplier
    else:
        s = np.minimum(s, ds)
    p = s / ds
    return (lr0 - end) * np.power(f32(1) - p, power) + end


def inverse_time_decay(c, step):
    lr0, ds, dr = f32(c["initial_learning_rate"]), f32(c["decay_steps"]), f32(c["decay_rate"])
    p = f32(step) / ds
    if c.get("staircase", False):
        p = np.floor(p)
    return lr0 / (f32(1) + dr * p)


def _cosine(s, ds, lr_from, alpha):
    fraction = s / ds
    cosine = f32(0.5) * (f32(1.0) + np.cos(f32(math.pi) * fraction))
    decayed = f32(1 - alpha) * cosine + f32(alpha)
    return lr_from * decayed


def cosine_decay(c, step):
    lr0, ds = f32(c["initial_learning_rate"]), f32(c["decay_steps"])
    alpha = c.get("alpha", 0.0)
    s = f32(step)
    if c.get("warmup_target") is None:
        return _cosine(np.minimum(s, ds), ds, lr0, alpha)
    target, ws = f32(c["warmup_target"]), f32(c.get("warmup_steps", 0))
    s = np.minimum(s, ds + ws)
    if s < ws:
        return (target - lr0) * (s / ws) + lr0
    return _cosine(s - ws, ds, target, alpha)


def cosine_decay_restarts(c, step):
    lr0, fds = f32(c["initial_learning_rate"]), f32(c["first_decay_steps"])
    alpha, t_mul, m_mul = f32(c.get("alpha", 0.0)), f32(c.get("t_mul", 2.0)), f32(c.get("m_mul", 1.0))
    fraction = f32(step) / fds
    if t_mul == 1:
        restart = np.floor(fraction)
        fraction = fraction - restart
    else:
        restart = np.floor(np.log(f32(1.0) - fraction * (f32(1.0) - t_mul)) / np.log(t_mul))
        sum_r = (f32(1.0) - np.power(t_mul, restart)) / (f32(1.0) - t_mul)
        fraction = (fraction - sum_r) / np.power(t_mul, restart)
    m_fac = np.power(m_mul, restart)
    cosine = f32(0.5) * m_fac * (f32(1.0) + np.cos(f32(math.pi) * fraction))
    return lr0 * ((f32(1) - alpha) * cosine + alpha)


FORMULAS = {
    "ExponentialDecay": exponential_decay,
    "PiecewiseConstantDecay": piecewise_constant_decay,
    "PolynomialDecay": polynomial_decay,
    "InverseTimeDecay": inverse_time_decay,
    "CosineDecay": cosine_decay,
    "CosineDecayRestarts": cosine_decay_restarts,
}

CASES = [
    ("exponential", "ExponentialDecay",
     {"initial_learning_rate": 0.1, "decay_steps": 100, "decay_rate": 0.96}, [0, 1, 50, 100, 101, 250, 10000]),
    ("exponential_staircase", "ExponentialDecay",
     {"initial_learning_rate": 0.01, "decay_steps": 10, "decay_rate": 0.5, "staircase": True},
     [0, 9, 10, 11, 25, 30, 99]),
    ("piecewise_constant", "PiecewiseConstantDecay",
     {"boundaries": [100, 110], "values": [1.0, 0.5, 0.1]}, [0, 99, 100, 101, 109, 110, 111, 5000]),
    ("piecewise_constant_one_boundary", "PiecewiseConstantDecay",
     {"boundaries": [3], "values": [0.3, 0.03]}, [0, 3, 4]),
    ("polynomial_linear", "PolynomialDecay",
     {"initial_learning_rate": 0.1, "decay_steps": 1000}, [0, 1, 500, 999, 1000, 1001, 5000]),
    ("polynomial_sqrt", "PolynomialDecay",
     {"initial_learning_rate": 0.1, "decay_steps": 10000, "end_learning_rate": 0.01, "power": 0.5},
     [0, 2500, 9999, 10000, 20000]),
    ("polynomial_cycle", "PolynomialDecay",
     {"initial_learning_rate": 0.1, "decay_steps": 100, "end_learning_rate": 0.001, "power": 2.0, "cycle": True},
     [0, 1, 50, 100, 101, 150, 200, 201, 1234]),
    ("inverse_time", "InverseTimeDecay",
     {"initial_learning_rate": 0.1, "decay_steps": 1.0, "decay_rate": 0.5}, [0, 1, 2, 7, 1000]),
    ("inverse_time_staircase", "InverseTimeDecay",
     {"initial_learning_rate": 0.05, "decay_steps": 10, "decay_rate": 2.0, "staircase": True}, [0, 9, 10, 19, 20, 95]),
    ("cosine", "CosineDecay",
     {"initial_learning_rate": 0.1, "decay_steps": 1000}, [0, 1, 250, 500, 999, 1000, 1500]),
    ("cosine_alpha", "CosineDecay",
     {"initial_learning_rate": 0.2, "decay_steps": 100, "alpha": 0.1}, [0, 30, 50, 100, 200]),
    ("cosine_warmup", "CosineDecay",
     {"initial_learning_rate": 0.0, "decay_steps": 1000, "warmup_target": 0.1, "warmup_steps": 100},
     [0, 1, 50, 99, 100, 101, 600, 1099, 1100, 5000]),
    ("cosine_warmup_alpha_from_nonzero", "CosineDecay",
     {"initial_learning_rate": 0.01, "decay_steps": 50, "alpha": 0.25, "warmup_target": 0.05, "warmup_steps": 10},
     [0, 5, 9, 10, 35, 60, 61]),
    ("cosine_restarts", "CosineDecayRestarts",
     {"initial_learning_rate": 0.1, "first_decay_steps": 100}, [0, 1, 50, 99, 100, 101, 200, 299, 300, 301, 700, 1000]),
    ("cosine_restarts_t1_m_half_alpha", "CosineDecayRestarts",
     {"initial_learning_rate": 0.1, "first_decay_steps": 10, "t_mul": 1.0, "m_mul": 0.5, "alpha": 0.1},
     [0, 5, 9, 10, 15, 20, 35]),
    ("cosine_restarts_t3_m_09", "CosineDecayRestarts",
     {"initial_learning_rate": 0.5, "first_decay_steps": 20, "t_mul": 3.0, "m_mul": 0.9, "alpha": 0.05},
     [0, 10, 19, 20, 21, 50, 79, 80, 81, 300]),
]


def main():
    cases = []
    for name, class_name, config, steps in CASES:
        formula = FORMULAS[class_name]
        values = []
        for step in steps:
            value = formula(config, step)
            assert isinstance(value, np.float32), (name, step, type(value))
            values.append(float(value))
        cases.append({"name": name, "schedule": {"class_name": class_name, "config": config},
                      "steps": steps, "values": values})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schedule_values.json")
    with open(out, "w") as f:
        json.dump({"generator": "Tests/Golden/Schedules/schedule_values.py (numpy %s, float32)" % np.__version__,
                   "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
