// train(run) -> { costs, finalCost }: relu hidden layers, sigmoid+bce or softmax+ce, full-batch sgd.
const T = (A) => A[0].map((_, j) => A.map((row) => row[j]));
const dot = (A, B) => A.map((r) => T(B).map((c) => r.reduce((s, x, k) => s + x * c[k], 0)));
const softplus = (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

export default function train(run) {
  const X = T(run.data.X); // n0 x m: examples are columns
  const Y = T(run.data.Y);
  const m = X[0].length;
  const L = run.model.layers.length - 1;
  const W = Array.from({ length: L }, (_, l) => run.init[`W${l + 1}`]); // out x in
  const b = Array.from({ length: L }, (_, l) => run.init[`b${l + 1}`]);
  const lr = run.training.optimizer.learningRate;
  const sigmoidOut = run.model.activations[L - 1] === 'sigmoid';

  function forward() {
    const Zs = [];
    const As = [X];
    for (let l = 0; l < L; l++) {
      const Z = dot(W[l], As[l]).map((row, i) => row.map((v) => v + b[l][i]));
      Zs.push(Z);
      As.push(l < L - 1 ? Z.map((row) => row.map((v) => Math.max(v, 0))) : Z);
    }
    const Z = Zs[L - 1];
    let cost = 0;
    if (sigmoidOut) { // cost from the logits: softplus never overflows
      Z[0].forEach((z, j) => (cost += (Y[0][j] * softplus(-z) + (1 - Y[0][j]) * softplus(z)) / m));
      As[L] = [Z[0].map((z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))))];
    } else { // softmax per column, cost by log-sum-exp
      const Yt = T(Y);
      As[L] = T(T(Z).map((zc, j) => {
        const top = Math.max(...zc);
        const lse = top + Math.log(zc.reduce((s, z) => s + Math.exp(z - top), 0));
        zc.forEach((z, i) => (cost += (Yt[j][i] * (lse - z)) / m));
        return zc.map((z) => Math.exp(z - lse));
      }));
    }
    return { Zs, As, cost };
  }

  const costs = [];
  for (let epoch = 0; epoch < run.training.epochs; epoch++) {
    const { Zs, As, cost } = forward();
    costs.push(cost); // the cost before this epoch's update
    let dZ = As[L].map((row, i) => row.map((a, j) => a - Y[i][j]));
    for (let l = L - 1; l >= 0; l--) {
      const dW = dot(dZ, T(As[l])).map((row) => row.map((v) => v / m));
      const db = dZ.map((row) => row.reduce((s, v) => s + v, 0) / m);
      if (l > 0) { // uses W[l] before its update
        dZ = dot(T(W[l]), dZ).map((row, i) => row.map((d, j) => (Zs[l - 1][i][j] > 0 ? d : 0)));
      }
      W[l] = W[l].map((row, i) => row.map((w, k) => w - lr * dW[i][k]));
      b[l] = b[l].map((v, i) => v - lr * db[i]);
    }
  }
  return { costs, finalCost: forward().cost };
}
