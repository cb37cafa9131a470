#!/usr/bin/env python3
"""A candidate with the classic training-loop fault, written the way the
original numpy loop was: the cost is printed every PRINT_EVERY epochs, and
the print block ends in `else: continue`, which skips the backward pass and
the update on every epoch that does not print (9 of every 10 here). The
network still learns (N times slower)
and nothing crashes; lockstep flags it:

    lockstep conformance --candidate-cmd "python3 examples/candidates/continue_bug.py" --epochs 20
    -> update-skipped at epoch 2: the update after epoch 0 runs, the one after epoch 1 does not.

continue_fixed.py is the same program without the `continue`. Both use
numpy_trainer.py's math when numpy is installed, else trainer.py's (plain
Python). Full-batch gradient descent, like the original loop.
"""
try:
    import numpy_trainer as nn
except ImportError:
    import trainer as nn

PRINT_EVERY = 10


def train(run):
    if run["training"]["batchSize"] not in (None, len(run["data"]["X"])):
        raise SystemExit("continue_bug.py trains full batch only (training.batchSize must be null)")
    X, Y, params, spec = nn.prepare(run)
    optimizer = nn.make_optimizer(run)
    costs = []
    for epoch in range(run["training"]["epochs"]):
        cache = nn.forward(params, X, spec)
        cost = nn.compute_cost(cache, Y, spec)
        costs.append(cost)
        if epoch % PRINT_EVERY == 0:
            print(f"cost after epoch {epoch}: {cost:.6f}")
        else:
            continue
        grads = nn.backward(params, cache, Y, spec)
        optimizer.step(params, grads)
    final = nn.compute_cost(nn.forward(params, X, spec), Y, spec)
    return {"costs": costs, "finalCost": final}


if __name__ == "__main__":
    nn.write_result(train(nn.read_run()))
