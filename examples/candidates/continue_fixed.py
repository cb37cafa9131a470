#!/usr/bin/env python3
"""continue_bug.py with the fault removed: the cost is still printed every
PRINT_EVERY epochs, but the backward pass and the update run on every epoch.
It agrees with lockstep's reference:

    lockstep conformance --candidate-cmd "python3 examples/candidates/continue_fixed.py" --epochs 20

Like continue_bug.py, it uses numpy_trainer.py's math when numpy is
installed, else trainer.py's (plain Python). Full-batch gradient descent,
like the original loop.
"""
try:
    import numpy_trainer as nn
except ImportError:
    import trainer as nn

PRINT_EVERY = 10


def train(run):
    if run["training"]["batchSize"] not in (None, len(run["data"]["X"])):
        raise SystemExit("continue_fixed.py trains full batch only (training.batchSize must be null)")
    X, Y, params, spec = nn.prepare(run)
    optimizer = nn.make_optimizer(run)
    costs = []
    for epoch in range(run["training"]["epochs"]):
        cache = nn.forward(params, X, spec)
        cost = nn.compute_cost(cache, Y, spec)
        costs.append(cost)
        if epoch % PRINT_EVERY == 0:
            print(f"cost after epoch {epoch}: {cost:.6f}")
        grads = nn.backward(params, cache, Y, spec)
        optimizer.step(params, grads)
    final = nn.compute_cost(nn.forward(params, X, spec), Y, spec)
    return {"costs": costs, "finalCost": final}


if __name__ == "__main__":
    nn.write_result(train(nn.read_run()))
