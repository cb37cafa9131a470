#!/usr/bin/env python3
"""The smallest complete lockstep candidate: the built-in suite's shape (relu hidden layers,
sigmoid+bce or softmax+ce, full-batch sgd) in plain Python. Reads a run on stdin, writes its result."""
import json, math, sys

def train(run):
    X = [list(c) for c in zip(*run["data"]["X"])]          # n0 x m: examples are columns
    Y = [list(c) for c in zip(*run["data"]["Y"])]          # nL x m
    m, L = len(X[0]), len(run["model"]["layers"]) - 1
    W = [run["init"][f"W{l}"] for l in range(1, L + 1)]   # out x in
    b = [run["init"][f"b{l}"] for l in range(1, L + 1)]
    lr = run["training"]["optimizer"]["learningRate"]      # full-batch sgd, relu hidden layers
    out = run["model"]["activations"][-1]                  # sigmoid (bce) or softmax (ce)
    dot = lambda A, B: [[sum(x * y for x, y in zip(r, c)) for c in zip(*B)] for r in A]

    def forward():
        Zs, As = [], [X]
        for l in range(L):
            Z = [[v + bi for v in row] for row, bi in zip(dot(W[l], As[-1]), b[l])]
            Zs.append(Z)
            As.append([[max(v, 0.0) for v in row] for row in Z] if l < L - 1 else Z)
        Z = Zs[-1]
        if out == "sigmoid":   # cost from the logits: softplus never overflows
            sp = lambda x: max(x, 0.0) + math.log1p(math.exp(-abs(x)))
            cost = sum(y * sp(-z) + (1 - y) * sp(z) for z, y in zip(Z[0], Y[0])) / m
            As[-1] = [[1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z)) for z in Z[0]]]
        else:                  # softmax per column, cost by log-sum-exp
            cols, cost = [], 0.0
            for zc, yc in zip(zip(*Z), zip(*Y)):
                top = max(zc)
                lse = top + math.log(sum(math.exp(z - top) for z in zc))
                cost += sum(y * (lse - z) for z, y in zip(zc, yc)) / m
                cols.append([math.exp(z - lse) for z in zc])
            As[-1] = [list(r) for r in zip(*cols)]
        return Zs, As, cost

    costs = []
    for _ in range(run["training"]["epochs"]):
        Zs, As, cost = forward()
        costs.append(cost)                                 # the cost before this epoch's update
        dZ = [[a - y for a, y in zip(ar, yr)] for ar, yr in zip(As[-1], Y)]
        for l in reversed(range(L)):
            dW = [[v / m for v in row] for row in dot(dZ, [list(c) for c in zip(*As[l])])]
            db = [sum(row) / m for row in dZ]
            if l > 0:                                      # uses W[l] before its update
                dA = dot([list(c) for c in zip(*W[l])], dZ)
                dZ = [[d if z > 0 else 0.0 for d, z in zip(dr, zr)] for dr, zr in zip(dA, Zs[l - 1])]
            W[l] = [[w - lr * g for w, g in zip(wr, gr)] for wr, gr in zip(W[l], dW)]
            b[l] = [v - lr * g for v, g in zip(b[l], db)]
    return {"costs": costs, "finalCost": forward()[2]}

print(json.dumps(train(json.load(sys.stdin))))
