#!/usr/bin/env python3
"""The same lockstep candidate as trainer.py, written with numpy (fast).

    lockstep conformance --candidate-cmd "python3 examples/candidates/numpy_trainer.py"

Needs numpy (Debian: apt-get install python3-numpy, then /usr/bin/python3).
Same protocol and math as trainer.py: see its docstring and SPEC.md.
"""
import json
import sys

import numpy as np


def sigmoid(z):
    # exp of a non-positive number only: never overflows.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))  # per column (columns are examples)
    return e / e.sum(axis=0, keepdims=True)


ACTIVATIONS = {
    "relu": lambda z: np.maximum(z, 0.0),
    "tanh": np.tanh,
    "sigmoid": sigmoid,
    "linear": lambda z: z,
    "softmax": softmax,
}

# Derivatives with respect to z (a = g(z) passed for reuse).
DERIVATIVES = {
    "relu": lambda z, a: (z > 0).astype(float),
    "tanh": lambda z, a: 1.0 - a * a,
    "sigmoid": lambda z, a: a * (1.0 - a),
    "linear": lambda z, a: np.ones_like(z),
}


def softplus(x):
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def cost(loss, Z, A, Y):
    m = Y.shape[1]
    if loss == "bce":
        return float(np.sum(Y * softplus(-Z) + (1 - Y) * softplus(Z)) / m)
    if loss == "ce":
        top = Z.max(axis=0, keepdims=True)
        lse = top + np.log(np.exp(Z - top).sum(axis=0, keepdims=True))
        return float(np.sum(Y * (lse - Z)) / m)
    if loss == "mse":
        return float(np.sum((A - Y) ** 2) / (Y.shape[0] * m))
    raise ValueError(f"unknown loss {loss}")


def prepare(run):
    X = np.array(run["data"]["X"], dtype=float).T
    Y = np.array(run["data"]["Y"], dtype=float).T
    L = len(run["model"]["layers"]) - 1
    params = {}
    for l in range(1, L + 1):
        params[f"W{l}"] = np.array(run["init"][f"W{l}"], dtype=float)
        params[f"b{l}"] = np.array(run["init"][f"b{l}"], dtype=float).reshape(-1, 1)
    return X, Y, params, run["model"]


def forward(params, X, spec):
    Zs, As = [None], [X]
    for l, name in enumerate(spec["activations"], start=1):
        Z = params[f"W{l}"] @ As[-1] + params[f"b{l}"]
        Zs.append(Z)
        As.append(ACTIVATIONS[name](Z))
    return Zs, As


def compute_cost(cache, Y, spec):
    Zs, As = cache
    return cost(spec["loss"], Zs[-1], As[-1], Y)


def backward(params, cache, Y, spec):
    Zs, As = cache
    L = len(Zs) - 1
    m = Y.shape[1]
    dZ = As[L] - Y
    if spec["loss"] == "mse":
        dZ = (2.0 / Y.shape[0]) * dZ * DERIVATIVES[spec["activations"][-1]](Zs[L], As[L])
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = dZ @ As[l - 1].T / m
        grads[f"b{l}"] = dZ.sum(axis=1, keepdims=True) / m
        if l > 1:  # uses Wl before this step's update
            dZ = (params[f"W{l}"].T @ dZ) * DERIVATIVES[spec["activations"][l - 2]](Zs[l - 1], As[l - 1])
    return grads


class Optimizer:
    def __init__(self, spec):
        self.spec = spec
        self.t = 0
        self.state = {}

    def step(self, params, grads):
        s = self.spec
        lr = s["learningRate"]
        self.t += 1
        for name, G in grads.items():
            if s["kind"] == "sgd":
                params[name] = params[name] - lr * G
            elif s["kind"] == "momentum":
                mu, damp = s["momentum"], s.get("dampening", 0.0)
                V = G if name not in self.state else mu * self.state[name] + (1 - damp) * G
                self.state[name] = V
                params[name] = params[name] - lr * V
            elif s["kind"] == "adam":
                b1, b2, eps = s.get("beta1", 0.9), s.get("beta2", 0.999), s.get("epsilon", 1e-8)
                M, S = self.state.get(name, (np.zeros_like(G), np.zeros_like(G)))
                M = b1 * M + (1 - b1) * G
                S = b2 * S + (1 - b2) * G * G
                self.state[name] = (M, S)
                params[name] = params[name] - lr * (M / (1 - b1**self.t)) / (np.sqrt(S / (1 - b2**self.t)) + eps)
            else:
                raise ValueError(f"this example has no {s['kind']} optimizer")


def make_optimizer(run):
    return Optimizer(run["training"]["optimizer"])


def train(run):
    X, Y, params, spec = prepare(run)
    optimizer = make_optimizer(run)
    m = X.shape[1]
    batch = run["training"]["batchSize"] or m
    costs = []
    for _epoch in range(run["training"]["epochs"]):
        epoch_cost = 0.0
        for start in range(0, m, batch):
            end = min(start + batch, m)
            cache = forward(params, X[:, start:end], spec)
            epoch_cost += compute_cost(cache, Y[:, start:end], spec) * (end - start)  # before the update
            optimizer.step(params, backward(params, cache, Y[:, start:end], spec))
        costs.append(epoch_cost / m)
    final = compute_cost(forward(params, X, spec), Y, spec)
    return {"costs": costs, "finalCost": final}


def read_run():
    return json.load(sys.stdin)


def write_result(result):
    print(json.dumps(result))


if __name__ == "__main__":
    write_result(train(read_run()))
