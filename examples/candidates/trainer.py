#!/usr/bin/env python3
"""A complete lockstep candidate in plain Python (no numpy): it runs anywhere.

Protocol: read one run as JSON on standard input, train it, write
{"costs": [...], "finalCost": x} as JSON on standard output (the last line
counts, so progress printed before it is fine). Try it:

    lockstep conformance --candidate-cmd "python3 examples/candidates/trainer.py" --epochs 20

The math follows the conformance vectors' SPEC.md: examples are columns
(A0 = X^T), Zl = Wl.A(l-1) + bl, the output layer's gradient is the fused
A - Y for sigmoid+bce and softmax+ce, costs come from the logits (softplus,
log-sum-exp), each epoch's cost is the size-weighted mean of its batch costs
taken before each batch's update, finalCost is the full-data cost at the end.
Plain lists are slow: fine for small runs (iris, wine, a few hundred epochs).
"""
import json
import math
import sys

# ---- small matrix helpers on lists of rows -------------------------------------------------


def transpose(a):
    return [list(col) for col in zip(*a)]


def matmul(a, b):
    """a (n x k) . b (k x m)."""
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def columns(a, start, end):
    return [row[start:end] for row in a]


# ---- activations (derivatives with respect to z) ---------------------------------------------


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


ELEMENTWISE = {
    "relu": (lambda z: z if z > 0 else 0.0, lambda z, a: 1.0 if z > 0 else 0.0),
    "tanh": (math.tanh, lambda z, a: 1.0 - a * a),
    "sigmoid": (sigmoid, lambda z, a: a * (1.0 - a)),
    "linear": (lambda z: z, lambda z, a: 1.0),
}


def activate(name, Z):
    if name == "softmax":  # per column, after subtracting the column's max
        cols = []
        for col in transpose(Z):
            top = max(col)
            e = [math.exp(z - top) for z in col]
            s = sum(e)
            cols.append([v / s for v in e])
        return transpose(cols)
    g = ELEMENTWISE[name][0]
    return [[g(z) for z in row] for row in Z]


def derivative(name, Z, A):
    d = ELEMENTWISE[name][1]
    return [[d(z, a) for z, a in zip(zr, ar)] for zr, ar in zip(Z, A)]


# ---- losses, from the logits where that is stabler --------------------------------------------


def softplus(x):
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def cost(loss, Z, A, Y):
    m = len(Y[0])
    if loss == "bce":
        total = sum(y * softplus(-z) + (1 - y) * softplus(z) for zr, yr in zip(Z, Y) for z, y in zip(zr, yr))
        return total / m
    if loss == "ce":
        total = 0.0
        for zc, yc in zip(transpose(Z), transpose(Y)):
            top = max(zc)
            lse = top + math.log(sum(math.exp(z - top) for z in zc))
            total += sum(y * (lse - z) for z, y in zip(zc, yc))
        return total / m
    if loss == "mse":
        k = len(Y)
        return sum((a - y) ** 2 for ar, yr in zip(A, Y) for a, y in zip(ar, yr)) / (k * m)
    raise ValueError(f"unknown loss {loss}")


# ---- the network --------------------------------------------------------------------------


def prepare(run):
    """X and Y with examples as columns, the initial parameters, and the model spec."""
    X = transpose(run["data"]["X"])
    Y = transpose(run["data"]["Y"])
    L = len(run["model"]["layers"]) - 1
    params = {}
    for l in range(1, L + 1):
        params[f"W{l}"] = [list(row) for row in run["init"][f"W{l}"]]
        params[f"b{l}"] = list(run["init"][f"b{l}"])
    return X, Y, params, run["model"]


def forward(params, X, spec):
    """The cache: Z1..ZL and A0..AL."""
    Zs, As = [None], [X]
    for l, name in enumerate(spec["activations"], start=1):
        W, b = params[f"W{l}"], params[f"b{l}"]
        Z = [[v + bias for v in row] for row, bias in zip(matmul(W, As[-1]), b)]
        Zs.append(Z)
        As.append(activate(name, Z))
    return Zs, As


def compute_cost(cache, Y, spec):
    Zs, As = cache
    return cost(spec["loss"], Zs[-1], As[-1], Y)


def backward(params, cache, Y, spec):
    Zs, As = cache
    L = len(Zs) - 1
    m = len(Y[0])
    out = spec["activations"][-1]
    dZ = [[a - y for a, y in zip(ar, yr)] for ar, yr in zip(As[L], Y)]
    if spec["loss"] == "mse":
        k = len(Y)
        g = derivative(out, Zs[L], As[L])
        dZ = [[2.0 / k * d * gv for d, gv in zip(dr, gr)] for dr, gr in zip(dZ, g)]
    grads = {}
    for l in range(L, 0, -1):
        grads[f"W{l}"] = [[v / m for v in row] for row in matmul(dZ, transpose(As[l - 1]))]
        grads[f"b{l}"] = [sum(row) / m for row in dZ]
        if l > 1:  # uses Wl before this step's update
            dA = matmul(transpose(params[f"W{l}"]), dZ)
            g = derivative(spec["activations"][l - 2], Zs[l - 1], As[l - 1])
            dZ = [[d * gv for d, gv in zip(dr, gr)] for dr, gr in zip(dA, g)]
    return grads


# ---- optimizers: one step per batch ---------------------------------------------------------


def elementwise(f, *xs):
    """Applies f to matching entries of same-shaped nested lists."""
    if isinstance(xs[0], list):
        return [elementwise(f, *parts) for parts in zip(*xs)]
    return f(*xs)


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
                params[name] = elementwise(lambda p, g: p - lr * g, params[name], G)
            elif s["kind"] == "momentum":
                mu, damp = s["momentum"], s.get("dampening", 0.0)
                V = G if name not in self.state else elementwise(lambda v, g: mu * v + (1 - damp) * g, self.state[name], G)
                self.state[name] = V
                params[name] = elementwise(lambda p, v: p - lr * v, params[name], V)
            elif s["kind"] == "adam":
                b1, b2, eps = s.get("beta1", 0.9), s.get("beta2", 0.999), s.get("epsilon", 1e-8)
                M, S = self.state.get(name, (elementwise(lambda g: 0.0, G), elementwise(lambda g: 0.0, G)))
                M = elementwise(lambda mv, g: b1 * mv + (1 - b1) * g, M, G)
                S = elementwise(lambda sv, g: b2 * sv + (1 - b2) * g * g, S, G)
                self.state[name] = (M, S)
                c1, c2 = 1 - b1**self.t, 1 - b2**self.t
                params[name] = elementwise(lambda p, mv, sv: p - lr * (mv / c1) / (math.sqrt(sv / c2) + eps), params[name], M, S)
            else:
                raise ValueError(f"this example has no {s['kind']} optimizer")


def make_optimizer(run):
    return Optimizer(run["training"]["optimizer"])


# ---- training ------------------------------------------------------------------------------


def train(run):
    X, Y, params, spec = prepare(run)
    optimizer = make_optimizer(run)
    m = len(X[0])
    batch = run["training"]["batchSize"] or m
    costs = []
    for _epoch in range(run["training"]["epochs"]):
        epoch_cost = 0.0
        for start in range(0, m, batch):
            end = min(start + batch, m)
            Xb, Yb = columns(X, start, end), columns(Y, start, end)
            cache = forward(params, Xb, spec)
            epoch_cost += compute_cost(cache, Yb, spec) * (end - start)  # before this batch's update
            optimizer.step(params, backward(params, cache, Yb, spec))
        costs.append(epoch_cost / m)
    final = compute_cost(forward(params, X, spec), Y, spec)
    return {"costs": costs, "finalCost": final}


def read_run():
    return json.load(sys.stdin)


def write_result(result):
    # json.dumps writes NaN/Infinity as bare tokens; lockstep accepts them.
    print(json.dumps(result))


if __name__ == "__main__":
    write_result(train(read_run()))
