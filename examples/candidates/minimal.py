"""A minimal lockstep candidate: full-batch or mini-batch SGD, any depth, relu/tanh hidden layers,
sigmoid+bce or softmax+ce output. Reads a run (JSON) on stdin, writes {"costs", "finalCost"} on stdout."""
import json, math, sys

def T(a): return [list(c) for c in zip(*a)]
def mm(a, b): bt = T(b); return [[sum(x * y for x, y in zip(r, c)) for c in bt] for r in a]
def softplus(x): return max(x, 0.0) + math.log1p(math.exp(-abs(x)))
def sigmoid(z): return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
def softmax_cols(Z):
    cols = [[math.exp(z - max(c)) for z in c] for c in T(Z)]
    return T([[e / sum(c) for e in c] for c in cols])
HIDDEN = {"relu": (lambda z: max(z, 0.0), lambda z, a: 1.0 if z > 0 else 0.0),
          "tanh": (math.tanh, lambda z, a: 1 - a * a)}

def forward(P, X, acts):
    Zs, As = [None], [X]
    for l, g in enumerate(acts, 1):
        Z = [[v + b for v in row] for row, b in zip(mm(P[f"W{l}"], As[-1]), P[f"b{l}"])]
        A = softmax_cols(Z) if g == "softmax" else [[(sigmoid if g == "sigmoid" else HIDDEN[g][0])(z) for z in r] for r in Z]
        Zs.append(Z); As.append(A)
    return Zs, As

def cost(Z, Y, loss):  # from the logits: softplus / log-sum-exp, never log(0)
    m = len(Y[0])
    if loss == "bce":
        return sum(y * softplus(-z) + (1 - y) * softplus(z) for zr, yr in zip(Z, Y) for z, y in zip(zr, yr)) / m
    lse = [max(c) + math.log(sum(math.exp(z - max(c)) for z in c)) for c in T(Z)]
    return sum(y * (lse[j] - z) for zr, yr in zip(Z, Y) for j, (z, y) in enumerate(zip(zr, yr))) / m

def train(run):
    X, Y = T(run["data"]["X"]), T(run["data"]["Y"])
    P = {k: (v if isinstance(v[0], (int, float)) else [list(r) for r in v]) for k, v in run["init"].items()}
    acts, loss = run["model"]["activations"], run["model"]["loss"]
    lr, m = run["training"]["optimizer"]["learningRate"], len(X[0])
    size, L, costs = run["training"]["batchSize"] or m, len(acts), []
    for epoch in range(run["training"]["epochs"]):
        total = 0.0
        for s in range(0, m, size):
            Xb, Yb = [r[s:s + size] for r in X], [r[s:s + size] for r in Y]
            Zs, As = forward(P, Xb, acts)
            n = len(Xb[0])
            total += cost(Zs[L], Yb, loss) * n          # this batch's cost, before its update
            dZ = [[a - y for a, y in zip(ar, yr)] for ar, yr in zip(As[L], Yb)]  # fused A - Y
            grads = {}
            for l in range(L, 0, -1):
                grads[f"W{l}"] = [[v / n for v in r] for r in mm(dZ, T(As[l - 1]))]
                grads[f"b{l}"] = [sum(r) / n for r in dZ]
                if l > 1:  # uses W_l before this step's update
                    d = HIDDEN[acts[l - 2]][1]
                    dZ = [[g * d(z, a) for g, z, a in zip(gr, zr, ar)]
                          for gr, zr, ar in zip(mm(T(P[f"W{l}"]), dZ), Zs[l - 1], As[l - 1])]
            for k, G in grads.items():  # plain SGD
                P[k] = [p - lr * g for p, g in zip(P[k], G)] if k[0] == "b" else \
                       [[p - lr * g for p, g in zip(pr, gr)] for pr, gr in zip(P[k], G)]
        costs.append(total / m)
    return {"costs": costs, "finalCost": cost(forward(P, X, acts)[0][L], Y, loss)}

print(json.dumps(train(json.load(sys.stdin))))
