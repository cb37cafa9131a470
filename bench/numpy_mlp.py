"""numpy peer for the lockstep benchmark.

Reads one job as JSON (a file path as the only argument), runs it and writes the
result as JSON on standard output. The training loops are written out layer by
layer, as a from-scratch numpy trainer would be, with the same math as lockstep
(SPEC.md): examples are columns, costs from the logits, fused dZ = A - Y at the
output, full-batch gradient descent, each epoch's cost taken before its update.

Job kinds:
  {"kind": "seed", "X", "Y", "W", "b", "learningRate", "epochs", "warmup", "repetitions"}
      4 layers: relu, relu, relu, sigmoid + bce
  {"kind": "digits", ... same fields ...}
      3 layers: relu, relu, softmax + ce
  {"kind": "matmul", "A", "B", "warmup", "repetitions", "minMilliseconds"}
X and Y are given examples-as-columns (n0 x m and nL x m, as rows of numbers);
W[l] is out x in, b[l] a list.

Result: {"costs": [...], "msPerEpoch": [one per repetition], "blas": {...}} for
training; {"msPerProduct": [...], "C": rows} for matmul. "blas" says which BLAS
numpy runs with and how many threads it used.
"""

import json
import sys
import time

import numpy as np


def softplus(z):
    # log(1 + e^z) without overflow
    return np.logaddexp(0.0, z)


def train_seed(X, Y, W, b, lr, epochs):
    W1, W2, W3, W4 = (w.copy() for w in W)
    b1, b2, b3, b4 = (v.copy() for v in b)
    m = X.shape[1]
    costs = np.empty(epochs)
    for epoch in range(epochs):
        Z1 = W1 @ X + b1
        A1 = np.maximum(Z1, 0.0)
        Z2 = W2 @ A1 + b2
        A2 = np.maximum(Z2, 0.0)
        Z3 = W3 @ A2 + b3
        A3 = np.maximum(Z3, 0.0)
        Z4 = W4 @ A3 + b4
        A4 = 1.0 / (1.0 + np.exp(-Z4))
        costs[epoch] = np.sum(Y * softplus(-Z4) + (1.0 - Y) * softplus(Z4)) / m

        dZ4 = A4 - Y
        dW4 = dZ4 @ A3.T / m
        db4 = np.sum(dZ4, axis=1, keepdims=True) / m
        dZ3 = (W4.T @ dZ4) * (Z3 > 0)
        dW3 = dZ3 @ A2.T / m
        db3 = np.sum(dZ3, axis=1, keepdims=True) / m
        dZ2 = (W3.T @ dZ3) * (Z2 > 0)
        dW2 = dZ2 @ A1.T / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        dZ1 = (W2.T @ dZ2) * (Z1 > 0)
        dW1 = dZ1 @ X.T / m
        db1 = np.sum(dZ1, axis=1, keepdims=True) / m

        W1 -= lr * dW1
        b1 -= lr * db1
        W2 -= lr * dW2
        b2 -= lr * db2
        W3 -= lr * dW3
        b3 -= lr * db3
        W4 -= lr * dW4
        b4 -= lr * db4
    return costs


def train_digits(X, Y, W, b, lr, epochs):
    W1, W2, W3 = (w.copy() for w in W)
    b1, b2, b3 = (v.copy() for v in b)
    m = X.shape[1]
    costs = np.empty(epochs)
    for epoch in range(epochs):
        Z1 = W1 @ X + b1
        A1 = np.maximum(Z1, 0.0)
        Z2 = W2 @ A1 + b2
        A2 = np.maximum(Z2, 0.0)
        Z3 = W3 @ A2 + b3
        shifted = Z3 - np.max(Z3, axis=0, keepdims=True)
        E = np.exp(shifted)
        S = np.sum(E, axis=0, keepdims=True)
        A3 = E / S
        costs[epoch] = -np.sum(Y * (shifted - np.log(S))) / m

        dZ3 = A3 - Y
        dW3 = dZ3 @ A2.T / m
        db3 = np.sum(dZ3, axis=1, keepdims=True) / m
        dZ2 = (W3.T @ dZ3) * (Z2 > 0)
        dW2 = dZ2 @ A1.T / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        dZ1 = (W2.T @ dZ2) * (Z1 > 0)
        dW1 = dZ1 @ X.T / m
        db1 = np.sum(dZ1, axis=1, keepdims=True) / m

        W1 -= lr * dW1
        b1 -= lr * db1
        W2 -= lr * dW2
        b2 -= lr * db2
        W3 -= lr * dW3
        b3 -= lr * db3
    return costs


TRAINERS = {"seed": train_seed, "digits": train_digits}


def blas_info():
    try:
        from threadpoolctl import threadpool_info

        pools = [p for p in threadpool_info() if p.get("user_api") == "blas"]
        if pools:
            p = pools[0]
            return {"library": p.get("internal_api"), "version": p.get("version"), "threads": p.get("num_threads")}
    except ImportError:
        pass
    return {"library": "unknown (threadpoolctl not installed)", "version": None, "threads": None}


def single_thread_blas():
    """A context that limits BLAS to one thread when threadpoolctl is present."""
    try:
        from threadpoolctl import threadpool_limits

        return threadpool_limits(limits=1, user_api="blas")
    except ImportError:
        import contextlib

        return contextlib.nullcontext()


def run_training(job):
    train = TRAINERS[job["kind"]]
    X = np.array(job["X"], dtype=np.float64)
    Y = np.array(job["Y"], dtype=np.float64)
    W = [np.array(w, dtype=np.float64) for w in job["W"]]
    b = [np.array(v, dtype=np.float64).reshape(-1, 1) for v in job["b"]]
    lr = float(job["learningRate"])
    epochs = int(job["epochs"])
    for _ in range(int(job["warmup"])):
        train(X, Y, W, b, lr, epochs)
    times = []
    costs = None
    for _ in range(int(job["repetitions"])):
        start = time.perf_counter()
        costs = train(X, Y, W, b, lr, epochs)
        times.append((time.perf_counter() - start) * 1000.0 / epochs)
    return {"costs": costs.tolist(), "msPerEpoch": times, "blas": blas_info()}


def run_matmul(job):
    A = np.array(job["A"], dtype=np.float64)
    B = np.array(job["B"], dtype=np.float64)
    min_ms = float(job.get("minMilliseconds", 50))
    with single_thread_blas():
        blas = blas_info()
        for _ in range(int(job["warmup"])):
            C = A @ B
        times = []
        for _ in range(int(job["repetitions"])):
            # Repeat the product until the repetition lasts min_ms, so the clock's grain does not matter.
            count = 0
            start = time.perf_counter()
            while True:
                C = A @ B
                count += 1
                elapsed = (time.perf_counter() - start) * 1000.0
                if elapsed >= min_ms:
                    break
            times.append(elapsed / count)
    return {"msPerProduct": times, "C": C.tolist(), "blas": blas}


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: numpy_mlp.py JOB.json\n")
        sys.exit(2)
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    if job["kind"] == "matmul":
        result = run_matmul(job)
    else:
        result = run_training(job)
    result["numpy"] = np.__version__
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
